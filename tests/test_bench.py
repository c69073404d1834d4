"""The benchmark measures what the project runs: `make serve`'s flags, hooks that find this project's data."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

from conftest import ROOT
from sitekit.mkdocs.support import other_language_pass, project_root


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_bench_serves_as_make_serve_does():
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)[1]
    assert recipe.split() == ["$(BIN)/mkdocs", "serve", *load_bench().SERVE_ARGS]


def test_the_bench_hooks_read_this_project(tmp_path):
    config = yaml.safe_load(load_bench().mkdocs_yml(hooks=True))
    assert Path(config["extra"]["sitekit_root"]) == ROOT
    assert len(config["hooks"]) == sum(
        1 for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if "- scripts/hook_" in line
    )
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    settings = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra=config["extra"])
    assert project_root(settings) == ROOT


def test_project_root_is_beside_mkdocs_yml_unless_set(tmp_path):
    config_file = str(tmp_path / "site" / "mkdocs.yml")
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={})) == tmp_path / "site"
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={"sitekit_root": ".."})) == tmp_path


def test_other_language_pass_follows_the_i18n_plugin():
    assert not other_language_pass(SimpleNamespace(plugins={}))
    assert not other_language_pass(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=False)}))
    assert other_language_pass(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=True)}))
