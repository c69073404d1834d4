"""Past dates written in deadline wording in Markdown prose (« jusqu’au 31 octobre 2025 », "by 31 October 2025")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitekit.core.problems import Problem
from sitekit.pages.markdown import MarkdownPage

HISTORICAL_MARKER = "<!-- history -->"
OLD_HISTORICAL_MARKER = "<!-- historique -->"  # the former name, still read for this release
WORDING_WINDOW = 50  # characters between the end of the deadline wording and the date

_FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_EN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {name: i for names in (_FR_MONTHS, _EN_MONTHS) for i, name in enumerate(names, start=1)}
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})  # without accents, as people type them
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

DATE = re.compile(
    rf"(?<![\w/-])(?:"
    rf"(?P<d1>\d{{1,2}})(?:er)?\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})"  # 31 octobre 2025, 1er septembre 2025
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"  # October 31, 2025
    rf"|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})/(?P<y3>\d{{4}})"  # 31/10/2025
    rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})"  # 2025-10-31
    rf")(?![\w/-])",
    re.IGNORECASE,
)

# Deadline wording, matched at the end of the text that precedes a date (within WORDING_WINDOW characters).
WORDING = re.compile(
    r"(?:\bjusqu['’]\s*(?:au|à)\b|\bavant\s+le\b|\bdate\s+limite\b|\bau\s+plus\s+tard\s+le\b|\bclôture\s+le\b"
    r"|\bclôturée?s?\s+le\b|\bdu\s+\d{1,2}(?:er)?(?:\s+\w+)?(?:\s+\d{4})?\s+au\b"
    r"|\buntil\b|\bdeadline\b|\bby\b|\bcloses\s+on\b|\bfrom\s+\d{1,2}(?:\s+\w+)?(?:\s+\d{4})?\s+to\b)",
    re.IGNORECASE,
)

_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|`[^`]*`|<!--(?!\s*(?:history|historique)\s*-->).*?-->")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«\"“(])")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\|)")


@dataclass(frozen=True)
class Paragraph:
    first_line: int
    lines: tuple[tuple[int, str], ...]

    @property
    def historical(self) -> bool:
        return any(HISTORICAL_MARKER in text or OLD_HISTORICAL_MARKER in text for _, text in self.lines)


def paragraphs(page: MarkdownPage) -> list[Paragraph]:
    """Blocks of consecutive prose lines; a list item, heading, quote or table row starts its own block."""
    out: list[Paragraph] = []
    current: list[tuple[int, str]] = []
    for number, text in page.prose_lines():
        if not text.strip() or _BLOCK_START.match(text):
            if current:
                out.append(Paragraph(current[0][0], tuple(current)))
            current = [(number, text)] if text.strip() else []
        else:
            current.append((number, text))
    if current:
        out.append(Paragraph(current[0][0], tuple(current)))
    return out


def parse_date(match: re.Match[str]) -> date | None:
    g = match.groupdict()
    try:
        if g["d1"]:
            return date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["d2"]:
            return date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))
        if g["d3"]:
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    except ValueError:
        return None  # 31/02/2025: not a date, not ours to judge


def _clean(text: str) -> str:
    """Prose without link targets, inline code and comments, so that URLs and code never count as dates."""
    return _LINK_TARGET.sub(lambda m: "]" if m.group(0).startswith("]") else " ", text)


def past_deadline_problems(pages: list[MarkdownPage], today: date) -> list[Problem]:
    out: list[Problem] = []
    for page in pages:
        if page.is_post:
            continue  # a news post tells the situation on its date: its deadlines are historical by nature
        for para in paragraphs(page):
            if para.historical:
                continue
            for number, raw in para.lines:
                text = _clean(raw)
                for sentence in _SENTENCE_END.split(text):
                    for match in DATE.finditer(sentence):
                        day = parse_date(match)
                        if day is None or day >= today:
                            continue
                        before = sentence[max(0, match.start() - WORDING_WINDOW - 40) : match.start()]
                        wording = _last_wording(before)
                        if wording is None:
                            continue
                        excerpt = re.sub(r"\s+", " ", before[wording.start() :] + match.group(0))
                        quoted = sentence.strip().lstrip("-*+ ").strip()
                        if len(quoted) > 200:
                            quoted = quoted[:197] + "..."
                        out.append(
                            Problem(
                                page.path,
                                number,
                                "",
                                f"past date in deadline wording: « {excerpt} » is before "
                                f'{today.isoformat()}: "{quoted}"',
                                f"update the sentence, or end the paragraph with {HISTORICAL_MARKER} "
                                "if it tells the past",
                            )
                        )
    return out


def _last_wording(before: str) -> re.Match[str] | None:
    """The deadline wording that ends within WORDING_WINDOW characters of the date, if any."""
    found = None
    for match in WORDING.finditer(before):
        if len(before) - match.end() <= WORDING_WINDOW:
            found = match
    return found
