"""scripts/hook_serve.py: what `make serve` keeps between rebuilds (no server started: the functions alone)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from conftest import ROOT


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hook_serve_under_test", ROOT / "scripts" / "hook_serve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_theme_folders_not_watched_are_listed_once_watched_ones_at_every_build(tmp_path):
    hook = load_hook()
    installed, custom = tmp_path / "material", tmp_path / "overrides"
    for folder, names in ((installed, ["main.html", "assets/app.js", ".icons/a.svg"]), (custom, ["assets/site.css"])):
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("x", encoding="utf-8")
    from jinja2 import Environment, FileSystemLoader

    dirs = [str(custom), str(installed)]
    env = Environment(loader=FileSystemLoader(dirs))
    seen: list[str] = []

    def keep(name: str) -> bool:  # MkDocs' filter leaves out templates and dot folders
        seen.append(name)
        return not name.endswith(".html") and not name.startswith(".")

    def listed() -> list[str]:
        return hook._theme_files(env, dirs, {str(custom)}, (), None, keep)

    assert listed() == env.list_templates(filter_func=keep) == ["assets/app.js", "assets/site.css"]
    seen.clear()
    (installed / "assets" / "new.js").write_text("x", encoding="utf-8")
    (custom / "assets" / "new.css").write_text("x", encoding="utf-8")
    assert listed() == ["assets/app.js", "assets/new.css", "assets/site.css"]
    assert sorted(seen) == ["assets/new.css", "assets/site.css"]  # the installed theme was not listed again
    assert hook._theme_files(env, dirs, {str(custom)}, (), ["js"], None) == ["assets/app.js", "assets/new.js"]


def test_serve_settings_apply_only_under_mkdocs_serve():
    hook = load_hook()
    hook.on_startup(command="build", dirty=False)

    class Theme:
        def get_env(self):
            return "env"

    class Config:
        theme = Theme()

    config = Config()
    assert hook.on_config(config) is config and "get_env" not in vars(config.theme)
