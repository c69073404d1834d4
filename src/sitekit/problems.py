"""Problems found in input files, reported as `path:line: field: what is wrong (how to fix)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from itertools import groupby


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file; `line` is 1-based, 0 when the whole file is concerned."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    level: Level = Level.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what} ({self.fix})" if self.fix else f"{where}: {what}"


class ProblemsError(Exception):
    """Raised by a loader with every problem it found, never only the first one."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


@dataclass
class Collector:
    """Gathers problems while a loader walks its input."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self, path: str, line: int, field_name: str, message: str, fix: str = "", level: Level = Level.ERROR
    ) -> None:
        self.problems.append(Problem(path, line, field_name, message, fix, level))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_errors(self) -> None:
        if any(p.level is Level.ERROR for p in self.problems):
            raise ProblemsError(self.problems)


def format_problems(problems: list[Problem]) -> str:
    """Problems grouped by file, one per line, in file then line order."""
    lines: list[str] = []
    for _, group in groupby(sorted(problems), key=lambda p: p.path):
        lines.extend(str(p) for p in group)
    return "\n".join(lines)
