"""MkDocs' own warnings about links, told again as `docs/page.md:line: link: problem (fix)` in the author's
language (src/sitekit/mkdocs/features/messages.py rewrites the log records; this module is pure: text in, text out)."""

from __future__ import annotations

import re
from pathlib import Path

from sitekit.core.problems import Problem

# mkdocs/structure/pages.py, MkDocs 1.6 (warning, INFO or ignored according to `validation:` in mkdocs.yml).
NOT_FOUND = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<url>[^']+)', but the target(?: '(?P<target>[^']+)')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<suggest>[^']*)'\?)?"
)
NO_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<url>[^']+)', but the doc '(?P<target>[^']+)' "
    r"does not contain an anchor '#(?P<anchor>[^']+)'"
)
FIX_PATH = (
    "write the path from this page's folder to the page's .md file (../ goes up one folder): from a post, a kit "
    "page is ../../kits/fiches/<kit>.md (see « Faire un lien » in docs/guide/ecrire-une-page.md)"
)


def source_line(file: Path, url: str) -> int:
    """Line of the page source where `url` is written as a link target (0 when it cannot be found)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    needles = (f"]({url}", f"({url})", f'"{url}"', f"'{url}'", f"<{url}>", f"]: {url}")
    for number, text in enumerate(lines, start=1):
        if any(needle in text for needle in needles):
            return number
    return 0


def link_problem(message: str, docs_dir: Path, shown_as: str = "docs") -> Problem | None:
    """The problem a MkDocs link warning reports, at the line of the link; None for another message."""
    found = NOT_FOUND.fullmatch(message.strip())
    if found is not None:
        page, url = found["page"], found["url"]
        target = found["target"] or url
        if (docs_dir / target).is_file():  # a page the build left out: a draft page or campaign
            return Problem(
                f"{shown_as}/{page}",
                source_line(docs_dir / page, url),
                "link",
                f"the link {url!r} leads to an unpublished page: {shown_as}/{target} is left out of this build (a "
                "draft: only make preview builds it)",
                "remove the link until the page is published (a page: remove its line draft: true; a campaign: "
                "status: publie)",
            )
        hint = f"did you mean {found['suggest']}? " if found["suggest"] else ""
        return Problem(
            f"{shown_as}/{page}",
            source_line(docs_dir / page, url),
            "link",
            f"the link {url!r} leads nowhere: {target!r} is not a page or file of the site",
            hint + FIX_PATH,
        )
    found = NO_ANCHOR.fullmatch(message.strip())
    if found is not None:
        page, url = found["page"], found["url"]
        return Problem(
            f"{shown_as}/{page}",
            source_line(docs_dir / page, url),
            "link",
            f"the link {url!r} leads to no heading: {found['target']!r} has no anchor #{found['anchor']}",
            "use the anchor of a heading of that page (the ¶ sign beside the heading shows it)",
        )
    return None


def retell(message: str, docs_dir: Path, lang: str) -> str:
    """A MkDocs link warning as the problem it reports (MkDocs' own words kept below); other messages unchanged."""
    problem = link_problem(message, docs_dir)
    if problem is None:
        return message
    return f"{problem.localized(lang)}\n  (MkDocs: {message.strip()})"
