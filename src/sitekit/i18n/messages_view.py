"""The guide's table of messages (marker `<!-- messages -->`), made from the catalogue so that it never drifts
from what the checks say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitekit.i18n.messages import Catalogue, Row
from sitekit.i18n.strings import Strings
from sitekit.site.templating import TemplateRenderer

MARKER = "messages"
_PLACEHOLDER = re.compile(r"\{\w*\}")


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    rows: tuple[Row, ...]


def shown(text: str) -> str:
    """A catalogue text as the guide shows it: each value filled in by the check written « … »."""
    return _PLACEHOLDER.sub("…", text).replace("{{", "{").replace("}}", "}")


class MessagesRenderer(TemplateRenderer):
    """Renders the table of messages of one language from the templates in overrides/partials/messages."""

    string_prefix = "messages"

    def __init__(self, templates: Path, catalogue: Catalogue):
        super().__init__(templates, Strings({}))
        self.catalogue = catalogue

    def sections(self, lang: str) -> list[SectionView]:
        rows = self.catalogue.rows(lang)
        out = []
        for section_id, titles in self.catalogue.sections.items():
            chosen = tuple(
                Row(r.id, r.section, shown(r.message), tuple(shown(f) for f in r.fixes))
                for r in rows
                if r.section == section_id
            )
            if chosen:
                out.append(SectionView(section_id, titles[lang], chosen))
        return out

    def table(self, lang: str) -> str:
        words = {key: self.catalogue.word(f"table.{key}", lang) for key in ("message", "fix")}
        return self._render("table.md", lang, sections=self.sections(lang), words=words)
