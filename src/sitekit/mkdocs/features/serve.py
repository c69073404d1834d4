"""Feature `serve`: `mkdocs serve` (`make serve`) shows a saved page sooner: faster polling, templates kept compiled.
Opt-in: the plugin's `serve_tuning: true` (mkdocs.yml sets it); `mkdocs build` is left as it is.

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

from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build
from sitekit.site.templating import MemoryBytecodeCache

if TYPE_CHECKING:  # the live-reload server and watchdog: imported by `mkdocs serve` only, not by every build
    from mkdocs.livereload import LiveReloadServer

POLL_SECONDS = 0.1
BUILD_DELAY = 0.05


class ServeFeature(Feature):
    name = "serve"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.serving = False
        self.compiled = MemoryBytecodeCache()
        self.idle = threading.Event()  # set while no rebuild runs: the watched folders are polled then only
        self.idle.set()
        # (theme folder, MkDocs' ignore patterns) -> the names of its files that pass them
        self.listed: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    @property
    def tuned(self) -> bool:
        return self.serving and self.build.settings.serve_tuning

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.tuned:
            theme = config.theme
            make_env: Callable[[], Environment] = type(theme).get_env.__get__(theme)
            watched = {str(Path(config.docs_dir).resolve()), *(str(Path(path).resolve()) for path in config.watch)}
            listed = self.listed

            def get_env() -> Environment:
                env = make_env()
                static = tuple(theme.static_templates)
                env.list_templates = partial(  # type: ignore[method-assign]
                    theme_files, listed, env, theme.dirs, watched, static
                )
                return env

            theme.get_env = get_env  # type: ignore[method-assign]
        return config

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        if not self.tuned:
            return server
        from watchdog.observers.polling import PollingEmitter, PollingObserver

        observer = server.observer
        if isinstance(observer, PollingObserver):
            for emitter in observer.emitters:  # docs/ and mkdocs.yml, scheduled before this event
                emitter._timeout = POLL_SECONDS
                emitter.queue_events = partial(  # type: ignore[method-assign]
                    poll_when_idle, self.idle, emitter, emitter.queue_events
                )
            observer._timeout = POLL_SECONDS  # what its emitters get: the `watch:` folders, scheduled after it
            observer._emitter_class = pausing(PollingEmitter, self.idle)
        server.build_delay = BUILD_DELAY
        server.builder = partial(build_alone, self.idle, server.builder)
        return server

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.tuned:
            env.bytecode_cache = self.compiled
        return env


def theme_files(
    listed: dict[tuple[str, tuple[str, ...]], list[str]],
    env: Environment,
    dirs: list[str],
    watched: set[str],
    static: tuple[str, ...],
    extensions: Collection[str] | None = None,
    filter_func: Callable[[str], bool] | None = None,
) -> list[str]:
    """Jinja's list_templates over the theme's folders, each folder that is not watched listed once per process
    (kept in `listed`). MkDocs' filter (its only caller) depends on the theme's static_templates, part of the key."""
    if extensions is not None or filter_func is None:
        return Environment.list_templates(env, extensions, filter_func)
    names: set[str] = set()
    for folder in dirs:
        key = (folder, static)
        found = listed.get(key)
        if found is None or any(Path(folder).resolve().is_relative_to(path) for path in watched):
            found = [name for name in FileSystemLoader(folder).list_templates() if filter_func(name)]
            listed[key] = found
        names.update(found)
    return sorted(names)


def build_alone(idle: threading.Event, build: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The server's rebuild, with the folders' polling paused while it runs."""
    idle.clear()
    try:
        return build(*args, **kwargs)
    finally:
        idle.set()


def poll_when_idle(idle: threading.Event, emitter: Any, queue_events: Callable[[float], None], timeout: float) -> None:
    """One poll of an emitter: its wait, then, once no rebuild runs, its look at the folder."""
    stopped = emitter.stopped_event
    if stopped.wait(timeout):
        return
    while not idle.wait(timeout):
        if stopped.is_set():
            return
    queue_events(0)


def pausing(emitter_class: type[Any], idle: threading.Event) -> type[Any]:
    """The observer's emitter class, whose polls wait while a rebuild runs."""

    class PausingEmitter(emitter_class):  # type: ignore[misc]
        def queue_events(self, timeout: float) -> None:
            poll_when_idle(idle, self, super().queue_events, timeout)

    return PausingEmitter
