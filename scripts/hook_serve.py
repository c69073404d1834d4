"""MkDocs hook: `mkdocs serve` (`make serve`) shows a saved page sooner: faster polling, templates kept compiled.

- MkDocs's live reload polls the watched folders every 0.5 s (watchdog's polling observer, chosen by MkDocs
  because it works on every file system): a save waited 0.25 s on average before the rebuild began. Under
  `mkdocs serve` they are polled every POLL_SECONDS (one poll of every watched file takes about 1 ms).
- MkDocs makes a new Jinja environment for each build, and the i18n plugin builds each language: every save
  compiled Material's templates twice (about a quarter of a rebuild). Under `mkdocs serve` the compiled templates
  are kept in memory between builds; Jinja compiles a template again when its source changes (an edit in
  overrides/ shows at the next reload).
- Each build lists the theme's files to copy its assets: Material's folder holds about 14,500 files (icons),
  listed and matched against MkDocs' patterns twice per save (a tenth of a rebuild). Under `mkdocs serve` the
  folders that are not watched (Material's, installed in the virtual environment) are listed once; the watched
  ones (overrides/) at every build, so that a file added there is published at the next reload.
- A save starts the rebuild after BUILD_DELAY seconds without another change instead of MkDocs' 0.1 s.
- The watched folders are not polled while a rebuild runs: each poll reads every file's status, and each read
  hands Python's lock to the rebuild and waits to get it back, which slowed a rebuild by a sixth. A change saved
  during a rebuild is seen by the first poll after it (each poll compares with the last one), as before.

`mkdocs build` is left as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitekit.site.templating import MemoryBytecodeCache

if TYPE_CHECKING:  # the live-reload server and watchdog: imported by `mkdocs serve` only, not by every build
    from mkdocs.livereload import LiveReloadServer

POLL_SECONDS = 0.1
BUILD_DELAY = 0.05

_serving: dict[str, bool] = {}
_compiled = MemoryBytecodeCache()
_idle = threading.Event()  # set while no rebuild runs: the watched folders are polled then only
_idle.set()


def on_startup(*, command: str, dirty: bool) -> None:
    _serving["on"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _serving.get("on"):
        theme = config.theme
        make_env: Callable[[], Environment] = type(theme).get_env.__get__(theme)
        watched = {str(Path(config.docs_dir).resolve()), *(str(Path(path).resolve()) for path in config.watch)}

        def get_env() -> Environment:
            env = make_env()
            static = tuple(theme.static_templates)
            env.list_templates = partial(_theme_files, env, theme.dirs, watched, static)  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
    return config


# (theme folder, MkDocs' ignore patterns) -> the names of its files that pass them
_listed: dict[tuple[str, tuple[str, ...]], list[str]] = {}


def _theme_files(
    env: Environment,
    dirs: list[str],
    watched: set[str],
    static: tuple[str, ...],
    extensions: Collection[str] | None = None,
    filter_func: Callable[[str], bool] | None = None,
) -> list[str]:
    """Jinja's list_templates over the theme's folders, each folder that is not watched listed once per process.
    MkDocs' filter (its only caller) depends on the theme's static_templates, part of the key."""
    if extensions is not None or filter_func is None:
        return Environment.list_templates(env, extensions, filter_func)
    names: set[str] = set()
    for folder in dirs:
        key = (folder, static)
        found = _listed.get(key)
        if found is None or any(Path(folder).resolve().is_relative_to(path) for path in watched):
            found = [name for name in FileSystemLoader(folder).list_templates() if filter_func(name)]
            _listed[key] = found
        names.update(found)
    return sorted(names)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    from watchdog.observers.polling import PollingEmitter, PollingObserver

    observer = server.observer
    if isinstance(observer, PollingObserver):
        for emitter in observer.emitters:  # docs/ and mkdocs.yml, scheduled before this event
            emitter._timeout = POLL_SECONDS
            emitter.queue_events = partial(_poll_when_idle, emitter, emitter.queue_events)  # type: ignore[method-assign]
        observer._timeout = POLL_SECONDS  # what its emitters get: the `watch:` folders, scheduled after it
        observer._emitter_class = _pausing(PollingEmitter)
    server.build_delay = BUILD_DELAY
    server.builder = partial(_build_alone, server.builder)
    return server


def _build_alone(build: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The server's rebuild, with the folders' polling paused while it runs."""
    _idle.clear()
    try:
        return build(*args, **kwargs)
    finally:
        _idle.set()


def _poll_when_idle(emitter: Any, queue_events: Callable[[float], None], timeout: float) -> None:
    """One poll of an emitter: its wait, then, once no rebuild runs, its look at the folder."""
    stopped = emitter.stopped_event
    if stopped.wait(timeout):
        return
    while not _idle.wait(timeout):
        if stopped.is_set():
            return
    queue_events(0)


def _pausing(emitter_class: type[Any]) -> type[Any]:
    """The observer's emitter class, whose polls wait while a rebuild runs."""

    class PausingEmitter(emitter_class):  # type: ignore[misc]
        def queue_events(self, timeout: float) -> None:
            _poll_when_idle(self, super().queue_events, timeout)

    return PausingEmitter


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if _serving.get("on"):
        env.bytecode_cache = _compiled
    return env
