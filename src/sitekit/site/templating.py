"""Base of the page renderers: the Jinja templates of one folder, the interface strings, and their check."""

from __future__ import annotations

import inspect
import os
import platform
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from sitekit.core.cache import engine
from sitekit.core.text import markdown_text
from sitekit.i18n.strings import Strings
from sitekit.site.paths import link

# Templates whose output is read by a Markdown parser (pages, the archives' README). Plain-text ones (.txt)
# and HTML ones (.html) are left to autoescape alone.
MARKDOWN_SUFFIX = ".md"
PLAIN_PREFIX = "archive-"  # archive-readme.md, archive-licence.txt: files of the kit archives, not pages


@lru_cache(maxsize=512)  # called for every {{ value }} of every template: one answer per template name
def _markdown_quotes(template: str | None) -> bool | None:
    """None for a template that is not Markdown; else whether quotes are escaped (pages hold HTML attributes)."""
    name = PurePosixPath(template or "").name
    if not name.endswith(MARKDOWN_SUFFIX):
        return None
    return not name.startswith(PLAIN_PREFIX)


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every {{ value }} of a Markdown template as inert Markdown text (sitekit.core.text.markdown_text): HTML
    escaping alone leaves emphasis, links, attribute lists and emoji shortcodes to the Markdown parser."""
    quote = _markdown_quotes(context.name)
    return value if quote is None else markdown_text(value, quote=quote)


@pass_context
def _join(context: Context, items: Iterable[Any], separator: str = "", attribute: str | None = None) -> Any:
    """Jinja's join, each item escaped for Markdown in a Markdown template (the built-in one only escapes HTML)."""
    values = [getattr(item, attribute) if attribute else item for item in items]
    quote = _markdown_quotes(context.name)
    if quote is None:
        return context.environment.filters["_html_join"](context.eval_ctx, values, separator)
    return Markup(separator).join(markdown_text(value, quote=quote) for value in values)


class TemplateRenderer:
    """Renders Markdown and HTML fragments from the templates of one folder, with `ui` = the language's strings.

    A subclass names the prefix of its interface strings (`calls`, `kits`, ...) and the keys its Python
    code uses; `missing_strings` then lists every key the templates or the code need that strings.yml lacks.
    """

    string_prefix: str = ""
    code_strings: tuple[str, ...] = ()
    generated_note: str = ""  # the "generated, do not edit" note of the family's page stubs (sitekit.pages.generated)

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
            finalize=_finalize,
        )
        self.env.filters["_html_join"] = self.env.filters["join"]
        self.env.filters["join"] = _join
        # tojson writes the front matter of generated pages: keep accented letters readable, keys in order.
        self.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}

    def keep_compiled(self, folder: Path) -> None:
        """Keep the compiled templates in `folder` between builds. Jinja compiles a template again when its source
        changes; the options of the environment are in this module and the renderer's, whose code names the
        subfolder (with Jinja's and Python's versions)."""
        code = [Path(__file__), Path(inspect.getfile(type(self)))]
        key = engine(code, ["jinja2"], [platform.python_version()])[:16]
        self.env.bytecode_cache = _FolderBytecodeCache(folder / key)

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

    def _item_page(self, name: str, lang: str, view: object, back: str, page_url: str) -> str:
        """The page of one item of the family (a kit, a criterion, a campaign): its view, and `back_href`, the link
        from the page at `page_url` to the family's index (`back`, a site path of the default language)."""
        return self._render(name, lang, view=view, back_href=link(back, lang, page_url))

    def _stub(self, name: str, lang: str, **context: Any) -> str:
        """A generated page stub: its front matter carries the family's generated note."""
        return self._render(name, lang, note=self.generated_note, **context)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, shared by the Jinja environments that use it.

    Jinja checks each template's source against what was compiled (a changed file is compiled again) but not the
    environment's options, so the cache keeps one set of compiled templates per set of options.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[object, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((_options(bucket.environment), bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(_options(bucket.environment), bucket.key)] = bucket.bytecode_to_string()


# The options of an environment that change how a template compiles (autoescape: True, False, or the function
# itself, never mistaken for another one).
_COMPILE_OPTIONS = attrgetter(
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string", "comment_start_string",
    "comment_end_string", "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
    "newline_sequence", "keep_trailing_newline", "optimized", "finalize", "autoescape",
)  # fmt: skip


def _options(env: Environment) -> tuple[object, ...]:
    """The options of an environment that change how a template compiles, its extensions last."""
    return (*_COMPILE_OPTIONS(env), tuple(sorted(env.extensions)))


class _FolderBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder, created on first use; a folder that cannot be written only
    makes builds slower."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            return  # compiled again

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            return
