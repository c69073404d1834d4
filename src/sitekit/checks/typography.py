"""French typography of what readers see in French: the prose of French pages, their title and description, the
French texts of the data files (a value under a key fr:) and the menu's labels (sitekit.checks.navigation).
Warnings only: non-breaking spaces before « : ; ! ? » and inside guillemets, typographic apostrophes and quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitekit.campaigns.model import campaigns_folder
from sitekit.core.problems import Level, Problem, ProblemsError
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_yaml
from sitekit.i18n.strings import LANGUAGES
from sitekit.pages.prose import prose
from sitekit.project import AUTHORS, CALLS, STRINGS

NBSP = "\u00a0\u202f"  # no-break space, narrow no-break space
FRENCH_DATA = (STRINGS, CALLS, AUTHORS)  # data files whose French texts are checked, with the campaign files

_NO_SPACE_BEFORE = re.compile(r"(?<=[\w)\]»%’*_])([:;!?])")
_PLAIN_SPACE_BEFORE = re.compile(r"(?<=\S) ([:;!?])")
_OPEN_GUILLEMET = re.compile(r"«(?![" + NBSP + r"])")
_CLOSE_GUILLEMET = re.compile(r"(?<![" + NBSP + r"])»")


def typography_problems(text: str, path: str, line: int, field: str = "typography") -> list[Problem]:
    """French typography warnings for one line of prose (already masked with `sitekit.pages.prose.prose`)."""
    found: list[tuple[str, str]] = []
    for match in _NO_SPACE_BEFORE.finditer(text):
        found.append(
            (f"no space before « {match[1]} »", f"type a non-breaking space (U+00A0 or U+202F) before « {match[1]} »")
        )
    for match in _PLAIN_SPACE_BEFORE.finditer(text):
        found.append(
            (
                f"ordinary space before « {match[1]} »",
                f"replace it with a non-breaking space (U+00A0 or U+202F) so that « {match[1]} » never starts a line",
            )
        )
    if _OPEN_GUILLEMET.search(text):
        found.append(("no non-breaking space after «", "type a non-breaking space (U+00A0 or U+202F) after «"))
    if _CLOSE_GUILLEMET.search(text):
        found.append(("no non-breaking space before »", "type a non-breaking space (U+00A0 or U+202F) before »"))
    if "'" in text:
        found.append(("straight apostrophe '", "use the typographic apostrophe ’"))
    if '"' in text:
        found.append(('straight quotes "', "use « guillemets » with non-breaking spaces inside"))
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
