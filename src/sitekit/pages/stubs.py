"""Generated page stubs: one Markdown file per item and language, written before the build into a git-ignored folder.

Real files, because the i18n plugin (mkdocs-static-i18n) rebuilds its file list from docs_dir and drops the files
a plugin adds in memory. Each stub holds a front matter and a marker that its hook fills in on_page_markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES
from sitekit.site.outputs import write_output

Item = TypeVar("Item")


def stub_name(item_id: str | int, lang: str) -> str:
    """`<id>.md` for French, `<id>.en.md` for English (the i18n plugin's suffix structure)."""
    return f"{item_id}.md" if lang == DEFAULT_LANGUAGE else f"{item_id}.{lang}.md"


def write_stubs(
    folder: Path,
    items: Iterable[Item],
    item_id: Callable[[Item], str | int],
    render: Callable[[Item, str], str],
    note: str,
    pattern: str = "*.md",
) -> None:
    """Write each item's stub in every language, only when its text changes (through a rename: whole or not at
    all); remove stale stubs.

    A stale stub is a file matching `pattern` that carries `note` (the "generated, do not edit" line) and
    is not wanted any more: hand-written pages in the same folder are never touched.
    """
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {stub_name(item_id(item), lang): render(item, lang) for item in items for lang in LANGUAGES}
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_output(path, text.encode("utf-8"))  # whole or not at all: a reader never sees half a page
    for path in folder.glob(pattern):
        if path.name not in wanted and note in path.read_text(encoding="utf-8"):
            path.unlink()
