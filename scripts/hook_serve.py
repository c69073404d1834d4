"""MkDocs hook: `mkdocs serve` rebuilds without compiling the theme's templates again (`make serve` reloads fast).

MkDocs makes a new Jinja environment for each build, and the i18n plugin builds each language: every save in
`mkdocs serve` compiled Material's templates twice (about a quarter of a rebuild). Under `mkdocs serve` only,
the compiled templates are kept in memory between builds; Jinja compiles a template again when its source changes
(an edit in overrides/ shows at the next reload). `mkdocs build` is left as it is.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitekit.templating import MemoryBytecodeCache

_serving: dict[str, bool] = {}
_compiled = MemoryBytecodeCache()


def on_startup(*, command: str, dirty: bool) -> None:
    _serving["on"] = command == "serve"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if _serving.get("on"):
        env.bytecode_cache = _compiled
    return env
