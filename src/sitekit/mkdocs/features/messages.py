"""Feature `messages`: messages in the author's language. MkDocs' own link warnings told again as
`docs/page.md:line: link: problem (fix)`, the features' build errors translated, and the guide's table of messages
(`<!-- messages -->`) filled from the catalogue. Language: the plugin's `messages_lang` ($SITEKIT_LANG, fr)."""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs.commands.build
import mkdocs.commands.serve
import mkdocs.livereload
import mkdocs.structure.pages
import mkdocs_static_i18n.folder
import mkdocs_static_i18n.plugin
import mkdocs_static_i18n.reconfigure
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.i18n.messages import catalogue
from sitekit.i18n.messages_view import MARKER, MessagesRenderer
from sitekit.mkdocs.buildlog import retell
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, fill, page_language

# Loggers whose records are told again: link warnings (pages) and build errors (a feature's PluginError); the
# information lines of the build, of `mkdocs serve` and of the i18n plugin (told in the author's language or hidden:
# the catalogue's build_log). Named by the modules that log them: ProperDocs runs the same modules under
# properdocs.* names.
LINK_LOGGER = mkdocs.structure.pages.log.name
ERROR_LOGGER = mkdocs.commands.build.log.name
SERVE_LOGGERS = (mkdocs.commands.serve.log.name, mkdocs.livereload.log.name)
I18N_LOGGERS = tuple(
    module.log.logger.name
    for module in (mkdocs_static_i18n.plugin, mkdocs_static_i18n.reconfigure, mkdocs_static_i18n.folder)
)


class _Retell(logging.Filter):
    """Rewrites a record's message in the author's language (the record keeps its level: strict mode counts it)."""

    name_tag = "sitekit-messages"  # finds the filter of a previous build of `mkdocs serve` to replace it

    def __init__(self, docs_dir: Path, lang: str):
        super().__init__()
        self.docs_dir, self.lang = docs_dir, lang

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno == logging.INFO and record.name != LINK_LOGGER:
            line = catalogue().log_line(message, self.lang)
            if line is None or (line == message and record.name in I18N_LOGGERS):
                return False  # nothing in it for an author to do
            told = line
        elif record.name == LINK_LOGGER:
            told = retell(message, self.docs_dir, self.lang)
        else:
            told = catalogue().translate(message, self.lang)
        if told != message:
            record.msg, record.args = told, ()
        return True


def install(docs_dir: Path, lang: str) -> None:
    """The filters that tell MkDocs' records again, replacing those of an earlier build."""
    for name in (LINK_LOGGER, ERROR_LOGGER, *SERVE_LOGGERS, *I18N_LOGGERS):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if getattr(f, "name_tag", None) == _Retell.name_tag]:
            logger.removeFilter(old)
        logger.addFilter(_Retell(docs_dir, lang))


class MessagesFeature(Feature):
    name = "messages"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._renderers: dict[Path, MessagesRenderer] = {}

    @event_priority(100)  # before the other features, whose errors it translates
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        install(Path(config.docs_dir), self.build.messages_lang)
        return config

    def _renderer(self) -> MessagesRenderer:
        """Made on the first page that shows the table: the catalogue is read only by the builds that need it."""
        templates = self.build.root / "overrides" / "partials" / "messages"
        if templates not in self._renderers:
            self._renderers[templates] = MessagesRenderer(templates, catalogue())
        return self._renderers[templates]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return fill(markdown, MARKER, lambda: self._renderer().table(page_language(config)))
