"""What fitting a page to its format needs before anything is laid out (light to import): the limits of each
design, what is being laid out, and the error that names what does not fit."""

from __future__ import annotations

from dataclasses import dataclass

from sitekit.core.problems import Problem


@dataclass(frozen=True)
class Limits:
    """What a design allows: the body's type size in rem (usual, smallest, largest), the headline's lines."""

    base: float
    low: float
    high: float
    headline_lines: int


LIMITS = {
    "poster.html": Limits(base=1.5, low=1.2, high=2.1, headline_lines=4),
    "sheet.html": Limits(base=1.3, low=1.2, high=1.6, headline_lines=3),
    "screen.html": Limits(base=1.0, low=1.0, high=1.0, headline_lines=3),
}
# The printable quiz: the questions' type and the answers' type, each as large as its page allows; at the smallest,
# what does not fit runs on to the next page (answers always start on a page of their own).
QUIZ_LIMITS = (
    Limits(base=1.3, low=1.0, high=1.6, headline_lines=3),
    Limits(base=1.05, low=0.85, high=1.3, headline_lines=3),
)


class LayoutError(Exception):
    """The source does not fit its format: every problem, with the source's file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class Target:
    """What is being laid out, for messages and PDF metadata."""

    path: str  # the source, as messages show it
    headline_line: int
    label: str  # e.g. "A4 poster", "1920 × 1080 picture"
    links: tuple[tuple[str, str], ...]  # (address, description) of every link, for the PDF's link annotations
