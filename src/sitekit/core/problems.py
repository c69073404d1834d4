"""Problems found in input files, reported as `path:line: field: what is wrong (how to fix)`.

A problem is written in English by the code and shown in the author's language when it is reported
(`localized`, `format_problems`): see sitekit.messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from itertools import groupby

from sitekit.i18n.messages import DEFAULT_MESSAGE_LANGUAGE, MessageLanguageError, catalogue, message_language


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # shown, never blocking: e.g. what a preview of a later day finds in pages it did not change


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

    def localized(self, lang: str) -> Problem:
        """The same problem with its message, fix and field (when written in words) in `lang`."""
        messages = catalogue()
        return Problem(
            self.path,
            self.line,
            messages.field(self.field, lang),
            messages.translate(self.message, lang),
            messages.translate(self.fix, lang),
            self.level,
        )


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


def format_problems(problems: list[Problem], lang: str | None = None) -> str:
    """Problems grouped by file, one per line, in file then line order, in `lang` (default: the language of
    messages, French unless SITEKIT_LANG says otherwise)."""
    if lang is None:
        try:
            lang = message_language()
        except MessageLanguageError:  # reported where the setting is read (the validator, the plugin's settings)
            lang = DEFAULT_MESSAGE_LANGUAGE
    lines: list[str] = []
    for _, group in groupby(sorted(problems), key=lambda p: p.path):
        lines.extend(str(p.localized(lang)) for p in group)
    return "\n".join(lines)
