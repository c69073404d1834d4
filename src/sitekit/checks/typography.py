"""French typography of what readers see in French that the build cannot set right itself: the prose of French pages,
their title and description, the French texts of the data files (a value under a key fr:) and the menu's labels
(sitekit.checks.navigation). The build (sitekit.core.typography) makes every space typed before « : ; ! ? », inside
« » or in a number non-breaking, adds the ones a French text needs before « ; ! ? » and inside « », and turns the
apostrophe of « l'équipe » into « ’ »; what it leaves is warned about here, with a fix that works: a missing
space before « : » (or before « ; ! ? » followed by a word), straight quotes and apostrophes that quote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitekit.campaigns.model import campaigns_folder
from sitekit.core.problems import Level, Problem, ProblemsError
from sitekit.core.typography import french_text
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_yaml
from sitekit.i18n.strings import LANGUAGES
from sitekit.pages.prose import prose
from sitekit.project import AUTHORS, CALLS, STRINGS

FRENCH_DATA = (STRINGS, CALLS, AUTHORS)  # data files whose French texts are checked, with the campaign files

_NO_SPACE_BEFORE = re.compile(r"(?<=[\w)\]»%’*_])([:;!?])")


def typography_problems(text: str, path: str, line: int, field: str = "typography") -> list[Problem]:
    """French typography warnings for one line of prose (already masked with `sitekit.pages.prose.prose`): what
    is still wrong once the build set the line (`sitekit.core.typography.french_text`)."""
    typeset = french_text(text)
    found: list[tuple[str, str]] = []
    for match in _NO_SPACE_BEFORE.finditer(typeset):
        found.append(
            (
                f"no space before « {match[1]} »",
                f"type a space before « {match[1]} » (and after it when a word follows): "
                "the site makes it non-breaking",
            )
        )
    if "'" in typeset:
        found.append(("straight apostrophe '", "quote with « » rather than ' ', or type ’ (Alt+0146 on Windows)"))
    if '"' in typeset:
        found.append(
            (
                'straight quotes "',
                "replace each pair with « » (Alt+0171 and Alt+0187 on Windows): the site adds the spaces inside",
            )
        )
    unique = dict.fromkeys(found)  # one warning per kind and line
    return [Problem(path, line, field, message, fix, Level.WARNING) for message, fix in unique]


def is_french(src_uri: str) -> bool:
    """A page in French: not named <page>.<lang>.md for another language."""
    return not any(src_uri.endswith(f".{lang}.md") for lang in LANGUAGES if lang != "fr")


def _french_texts(data: Any, loc: Location = ()) -> Iterator[tuple[Location, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "fr" and isinstance(value, str):
                yield loc + (key,), value
            elif key == "fr" and isinstance(value, list):
                yield from ((loc + (key, i), v) for i, v in enumerate(value) if isinstance(v, str))
            else:
                yield from _french_texts(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _french_texts(value, loc + (index,))


def data_typography_problems(doc: YamlDocument) -> list[Problem]:
    """Typography warnings for every French text (a value under a key fr:) of a YAML document."""
    out = []
    for loc, text in _french_texts(doc.data):
        for part in text.splitlines() or [""]:
            out += typography_problems(prose(part), doc.path, doc.line(loc), dotted(loc))
    return out


def french_data_problems(root: Path) -> list[Problem]:
    """Typography warnings for the French texts of the data files under `root` (FRENCH_DATA and the campaign
    files, in the folder sitekit.campaigns.model.campaigns_folder finds); a file that does not load is left to its
    own loader, which reports it."""
    out: list[Problem] = []
    campaigns = campaigns_folder(root)[0]
    for path in [*(root / name for name in FRENCH_DATA), *sorted(campaigns.glob("*.yml"))]:
        if not path.is_file():
            continue
        try:
            doc = load_yaml(path, path.relative_to(root).as_posix())
        except ProblemsError:
            continue
        out += data_typography_problems(doc)
    return out
