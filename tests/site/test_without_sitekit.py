"""A build that drops sitekit's build steps (the hooks of mkdocs.yml, or the sitekit plugin) still passes
`mkdocs build --strict`, with the same pages: the validator refuses it, for its missing generated families alone."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FROZEN_TODAY, build_project
from sitekit.checks import cli as validate
from sitekit.checks.families import site_families
from sitekit.core.today import parse_build_date
from sitekit.project import load_project

pytestmark = pytest.mark.build

# mkdocs.yml's `hooks:` block (to the next top-level key), and a `- sitekit` plugin with its settings.
HOOKS = re.compile(r"^hooks:\n(?:(?:[ \t]+.*|[ \t]*)\n)*", re.MULTILINE)
PLUGIN = re.compile(r"^(?P<indent>[ \t]+)- sitekit(?=[:\s]).*\n(?:(?P=indent)[ \t]+.*\n)*", re.MULTILINE)


def without_sitekit(config: str) -> str:
    """mkdocs.yml without sitekit's hooks and plugin."""
    stripped = PLUGIN.sub("", HOOKS.sub("", config))
    assert stripped != config, "mkdocs.yml names neither sitekit's hooks nor its plugin"
    assert not re.search(r"^hooks:|^\s+- sitekit(?=[:\s])", stripped, re.MULTILINE)
    return stripped


def test_the_config_filter_removes_the_hooks_or_the_plugin_and_nothing_else():
    hooks = "site_name: x\nhooks:\n  # the messages\n  - scripts/hook_messages.py\n\n  - scripts/hook_kits.py\nnav:\n  - a.md\n"
    assert without_sitekit(hooks) == "site_name: x\nnav:\n  - a.md\n"
    plugin = "plugins:\n  - search\n  - sitekit:\n      serve_tuning: true\n  - offline\nnav: []\n"
    assert without_sitekit(plugin) == "plugins:\n  - search\n  - offline\nnav: []\n"
    assert without_sitekit("plugins:\n  - sitekit\n  - sitekit-other\n") == "plugins:\n  - sitekit-other\n"
    assert without_sitekit("plugins:\n  - sitekit: {root: .}\n") == "plugins:\n"


def test_a_build_without_sitekit_is_refused_for_its_missing_generated_families(project, capsys, monkeypatch):
    config = project / "mkdocs.yml"
    config.write_text(without_sitekit(config.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = build_project(project)
    assert code == 0, output  # MkDocs sees nothing wrong
    monkeypatch.delenv("CARE_TODAY", raising=False)
    site = project / "site"
    code = validate.main(
        ["--root", str(project), "--site", str(site), "--today", FROZEN_TODAY, "--format", "json", "--lang", "en"]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    errors = [p for p in report["problems"] if p["level"] == "error"]
    assert {p["check"] for p in errors} == {"generated"}  # refused for that, and for nothing else
    families = site_families(load_project(project), parse_build_date(FROZEN_TODAY))
    built = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    lacking = {f.name for f in families if any(path not in built for path in f.files)}
    assert {p["message"].split(" not built: ")[0] for p in errors} == lacking
    # every family the hooks (or the plugin) write is lacking; the posts and the French search index are MkDocs'
    assert lacking == {f.name for f in families if f.files} - {"news posts"}
