"""The plugin's serve feature: what `make serve` keeps between rebuilds (no server started: the functions alone)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT
from sitekit.mkdocs.features import serve
from sitekit.mkdocs.support import Build, Settings


def serve_feature(tuning: bool = True) -> serve.ServeFeature:
    """The serve feature of a build whose settings ask (or not) for serve tuning."""
    build = Build()
    build.configure(Settings(ROOT, None, date(2025, 10, 20), "fr", tuning))
    return serve.ServeFeature(build)


def test_theme_folders_not_watched_are_listed_once_watched_ones_at_every_build(tmp_path):
    kept: dict = {}
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
        return serve.theme_files(kept, env, dirs, {str(custom)}, (), None, keep)

    assert listed() == env.list_templates(filter_func=keep) == ["assets/app.js", "assets/site.css"]
    seen.clear()
    (installed / "assets" / "new.js").write_text("x", encoding="utf-8")
    (custom / "assets" / "new.css").write_text("x", encoding="utf-8")
    assert listed() == ["assets/app.js", "assets/new.css", "assets/site.css"]
    assert sorted(seen) == ["assets/new.css", "assets/site.css"]  # the installed theme was not listed again
    assert serve.theme_files(kept, env, dirs, {str(custom)}, (), ["js"], None) == ["assets/app.js", "assets/new.js"]


def test_serve_settings_apply_only_under_mkdocs_serve():
    hook = serve_feature()
    hook.on_startup(command="build", dirty=False)

    class Theme:
        def get_env(self):
            return "env"

    class Config:
        theme = Theme()

    config = Config()
    assert hook.on_config(config) is config and "get_env" not in vars(config.theme)
    untuned = serve_feature(tuning=False)  # `mkdocs serve` without the plugin's serve_tuning: left as it is
    untuned.on_startup(command="serve", dirty=False)
    assert untuned.on_config(config) is config and "get_env" not in vars(config.theme)
    server = SimpleNamespace(build_delay=0.1)
    assert untuned.on_serve(server, config=config, builder=None) is server and server.build_delay == 0.1


def test_watched_folders_are_not_polled_during_a_rebuild_and_its_changes_are_seen_after(tmp_path):
    """A file saved while a rebuild runs gives no event during the rebuild, and one as soon as it has ended."""
    import threading

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers.polling import PollingObserver

    hook = serve_feature()
    hook.on_startup(command="serve", dirty=False)
    seen: list[str] = []
    during: list[list[str]] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(event.src_path)  # type: ignore[method-assign]
    observer = PollingObserver(timeout=0.05)
    observer.schedule(handler, str(tmp_path / "docs"), recursive=True)  # as MkDocs schedules docs/ before on_serve
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()

    def rebuild() -> None:
        threading.Event().wait(0.1)  # a poll under way when the rebuild began has ended
        (tmp_path / "docs" / "page.md").write_text("x", encoding="utf-8")
        (tmp_path / "data" / "calls.yml").write_text("x", encoding="utf-8")
        threading.Event().wait(0.6)  # ten polls' time
        during.append(list(seen))

    server = SimpleNamespace(observer=observer, builder=rebuild, build_delay=0.1)
    hook.on_serve(server, config=None, builder=rebuild)
    observer.schedule(handler, str(tmp_path / "data"), recursive=True)  # the `watch:` folders, after on_serve
    observer.start()
    try:
        threading.Event().wait(0.2)
        server.builder()
        for _ in range(100):
            if {"page.md", "calls.yml"} <= {Path(path).name for path in seen}:
                break
            threading.Event().wait(0.05)
    finally:
        observer.stop()
        observer.join()
    assert during == [[]]
    assert {"page.md", "calls.yml"} <= {Path(path).name for path in seen}
    assert server.build_delay == serve.BUILD_DELAY
