"""Pages that exist in one language only (suffix structure: page.md beside page.en.md)."""

from __future__ import annotations

from pathlib import Path

from sitekit.core.problems import Level, Problem
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES

OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


def _language_of(name: str) -> tuple[str, str]:
    """('page', 'en') for 'page.en.md', ('page', 'fr') for 'page.md'."""
    stem = name[: -len(".md")]
    for lang in OTHER_LANGUAGES:
        if stem.endswith(f".{lang}"):
            return stem[: -len(lang) - 1], lang
    return stem, DEFAULT_LANGUAGE


def missing_translations(docs_dir: Path, shown_as: str = "docs", level: Level = Level.ERROR) -> list[Problem]:
    """One problem per page that lacks a version in one of the site's languages."""
    found: dict[tuple[str, str], set[str]] = {}
    for file in sorted(docs_dir.rglob("*.md")):
        folder = file.parent.relative_to(docs_dir).as_posix()
        stem, lang = _language_of(file.name)
        found.setdefault((folder, stem), set()).add(lang)
    problems = []
    for (folder, stem), langs in sorted(found.items()):
        prefix = f"{shown_as}/{folder}/" if folder != "." else f"{shown_as}/"
        present = sorted(langs)[0]
        source = prefix + (f"{stem}.md" if present == DEFAULT_LANGUAGE else f"{stem}.{present}.md")
        for lang in LANGUAGES:
            if lang not in langs:
                target = prefix + (f"{stem}.md" if lang == DEFAULT_LANGUAGE else f"{stem}.{lang}.md")
                problems.append(Problem(source, 0, "", f"no {lang} version of this page", f"create {target}", level))
    return problems
