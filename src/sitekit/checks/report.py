"""The validator's output: text grouped by file, JSON (scripts/validate.schema.json), GitHub annotations, in the
language of messages (French by default, sitekit.i18n.messages)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from sitekit.core.problems import Level, Problem
from sitekit.i18n.messages import SOURCE_LANGUAGE, catalogue

JSON_VERSION = 1


@dataclass(frozen=True, order=True)
class Finding:
    """A problem and the check that found it."""

    problem: Problem
    check: str

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """`path:line: level: field: message (fix)`: str(problem) with the level after the location."""
        p = self.problem.localized(lang)
        where = f"{p.path}:{p.line}" if p.line else p.path
        return f"{where}: {catalogue().word(f'level.{p.level.value}', lang)}: {str(p)[len(where) + 2 :]}"


_RANK = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.problem.path, f.problem.line, _RANK[f.problem.level], f.problem.message, f.check),
    )


def counts(findings: list[Finding]) -> tuple[int, int, int]:
    """(errors, warnings, files); information is counted apart (`notes`)."""
    errors = sum(f.problem.level is Level.ERROR for f in findings)
    warnings = sum(f.problem.level is Level.WARNING for f in findings)
    return errors, warnings, len({f.problem.path for f in findings})


def notes(findings: list[Finding]) -> int:
    return sum(f.problem.level is Level.INFO for f in findings)


def _count(n: int, word: str, lang: str) -> str:
    one = n == 1 or (n == 0 and lang == "fr")  # « 0 erreur », "0 errors"
    return catalogue().word(f"count.{word}.{'one' if one else 'many'}", lang).format(n=n)


def summary(findings: list[Finding], lang: str = SOURCE_LANGUAGE) -> str:
    """`1 error, 2 warnings in 3 files` (`, 4 notes` after the warnings when there is information)."""
    if not findings:
        return catalogue().word("summary.none", lang)
    errors, warnings, files = counts(findings)
    parts = [_count(errors, "error", lang), _count(warnings, "warning", lang)]
    if notes(findings):
        parts.append(_count(notes(findings), "info", lang))
    return catalogue().word("summary", lang).format(counts=", ".join(parts), files=_count(files, "file", lang))


def format_text(findings: list[Finding], lang: str = SOURCE_LANGUAGE) -> str:
    """Grouped by file (a blank line between files), then the one-line summary."""
    blocks = []
    for _, group in groupby(_sorted(findings), key=lambda f: f.problem.path):
        blocks.append("\n".join(f.text(lang) for f in group))
    return "\n\n".join(blocks + [summary(findings, lang)]) + "\n"


def as_json(findings: list[Finding], today: date, checks: list[str], lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    errors, warnings, files = counts(findings)
    problems = []
    for f in _sorted(findings):
        p = f.problem.localized(lang)
        problems.append(
            {
                "check": f.check,
                "level": p.level.value,
                "path": p.path,
                "line": p.line,
                "field": p.field,
                "message": p.message,
                "fix": p.fix,
            }
        )
    return {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "lang": lang,
        "checks": checks,
        "summary": {"errors": errors, "warnings": warnings, "notes": notes(findings), "files": files},
        "problems": problems,
    }


def format_json(findings: list[Finding], today: date, checks: list[str], lang: str = SOURCE_LANGUAGE) -> str:
    return json.dumps(as_json(findings, today, checks, lang), ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], lang: str = SOURCE_LANGUAGE) -> str:
    """One workflow command per problem (::error / ::warning / ::notice), then the summary as plain text."""
    lines = []
    for f in _sorted(findings):
        p = f.problem.localized(lang)
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_property(f.check + (': ' + p.field if p.field else ''))}")
        message = f"{p.message} ({p.fix})" if p.fix else p.message
        command = "notice" if p.level is Level.INFO else p.level.value
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines + [summary(findings, lang)]) + "\n"
