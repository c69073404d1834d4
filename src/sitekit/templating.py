"""Base of the page renderers: the Jinja templates of one folder, the interface strings, and their check."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sitekit.i18n import Strings


class TemplateRenderer:
    """Renders Markdown and HTML fragments from the templates of one folder, with `ui` = the language's strings.

    A subclass names the prefix of its interface strings (`calls`, `kits`, ...) and the keys its Python
    code uses; `missing_strings` then lists every key the templates or the code need that strings.yml lacks.
    """

    string_prefix: str = ""
    code_strings: tuple[str, ...] = ()
    generated_note: str = ""  # the "generated, do not edit" note of the family's page stubs (sitekit.generated)

    def __init__(self, templates: Path, strings: Strings, autoescape: bool | Callable[[str | None], bool] = True):
        self.strings = strings
        self.loader = FileSystemLoader(templates)
        self.env = Environment(
            loader=self.loader,
            autoescape=autoescape,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        # tojson writes the front matter of generated pages: keep accented letters readable, keys in order.
        self.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}

    def missing_strings(self) -> list[str]:
        """Interface strings used by the templates or the code that data/strings.yml lacks (checked before rendering)."""
        pattern = re.compile(r"ui\['(" + re.escape(self.string_prefix) + r"\.[a-z0-9_.-]+)'\]")
        used = set(self.code_strings)
        for name in self.env.list_templates():
            source, _, _ = self.loader.get_source(self.env, name)
            used |= set(pattern.findall(source))
        return sorted(used - set(self.strings.table))

    def _render(self, name: str, lang: str, **context: Any) -> str:
        return self.env.get_template(name).render(ui=self.strings.for_language(lang), lang=lang, **context)

    def _stub(self, name: str, lang: str, **context: Any) -> str:
        """A generated page stub: its front matter carries the family's generated note."""
        return self._render(name, lang, note=self.generated_note, **context)
