"""The benchmark measures what the project runs: `make serve`'s flags, a plugin that finds this project's data."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

from conftest import ROOT
from sitekit.core import renames
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


def test_the_bench_plugin_reads_this_project(tmp_path):
    config = yaml.safe_load(load_bench().mkdocs_yml(plugin=True))
    settings = [p["sitekit"] for p in config["plugins"] if isinstance(p, dict) and "sitekit" in p]
    assert len(settings) == 1 and Path(settings[0]["root"]) == ROOT
    assert "hooks" not in config
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    mkdocs = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra={})
    assert project_root(mkdocs, settings[0]["root"]) == ROOT


def test_project_root_is_beside_mkdocs_yml_unless_set(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SITEKIT_ROOT", raising=False)
    renames.forget()
    config_file = str(tmp_path / "site" / "mkdocs.yml")
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={})) == tmp_path / "site"
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={}), "..") == tmp_path
    monkeypatch.setenv("SITEKIT_ROOT", "..")
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={})) == tmp_path
    monkeypatch.delenv("SITEKIT_ROOT")
    assert capsys.readouterr().err == ""
    # The former setting still works for this release, told once.
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={"sitekit_root": ".."})) == tmp_path
    assert project_root(SimpleNamespace(config_file_path=config_file, extra={"sitekit_root": ".."})) == tmp_path
    told = capsys.readouterr().err
    assert (
        told
        == "notice: extra: sitekit_root is now called plugins: - sitekit: root (the old name still works in this release)\n"
    )


def test_other_language_pass_follows_the_i18n_plugin():
    assert not other_language_pass(SimpleNamespace(plugins={}))
    assert not other_language_pass(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=False)}))
    assert other_language_pass(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=True)}))
