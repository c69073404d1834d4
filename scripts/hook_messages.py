"""MkDocs hook: messages in the author's language. MkDocs' own link warnings told again as
`docs/page.md:line: link: problem (fix)`, the hooks' build errors translated, and the guide's table of messages
(`<!-- messages -->`) filled from the catalogue. Language: SITEKIT_LANG (fr by default, or en)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.i18n.messages import MessageLanguageError, catalogue, message_language
from sitekit.i18n.messages_view import MARKER, MessagesRenderer
from sitekit.mkdocs import support as hook
from sitekit.mkdocs.buildlog import retell

# Loggers whose records are told again: link warnings (pages) and build errors (a hook's PluginError).
LINK_LOGGER = "mkdocs.structure.pages"
ERROR_LOGGER = "mkdocs.commands.build"


class _Retell(logging.Filter):
    """Rewrites a record's message in the author's language (the record keeps its level: strict mode counts it)."""

    name_tag = "sitekit-messages"  # finds the filter of a previous build of `mkdocs serve` to replace it

    def __init__(self, docs_dir: Path, lang: str):
        super().__init__()
        self.docs_dir, self.lang = docs_dir, lang

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name == LINK_LOGGER:
            told = retell(message, self.docs_dir, self.lang)
        else:
            told = catalogue().translate(message, self.lang)
        if told != message:
            record.msg, record.args = told, ()
        return True


def _install(docs_dir: Path, lang: str) -> None:
    for name in (LINK_LOGGER, ERROR_LOGGER):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if getattr(f, "name_tag", None) == _Retell.name_tag]:
            logger.removeFilter(old)
        logger.addFilter(_Retell(docs_dir, lang))


_state: dict[str, Path] = {}
_renderers: dict[Path, MessagesRenderer] = {}


@event_priority(100)  # before the other hooks, whose errors it translates
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        lang = message_language()
    except MessageLanguageError as exc:
        raise PluginError(str(exc)) from None
    _install(Path(config.docs_dir), lang)
    _state["templates"] = hook.project_root(config) / "overrides" / "partials" / "messages"
    return config


def _renderer() -> MessagesRenderer:
    """Made on the first page that shows the table: the catalogue is read only by the builds that need it."""
    templates = _state["templates"]
    if templates not in _renderers:
        _renderers[templates] = MessagesRenderer(templates, catalogue())
    return _renderers[templates]


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return hook.fill(markdown, MARKER, lambda: _renderer().table(hook.page_language(config)))
