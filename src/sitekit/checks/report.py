"""The validator's output: text grouped by file, JSON (scripts/validate.schema.json), GitHub annotations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from sitekit.problems import Level, Problem

JSON_VERSION = 1


@dataclass(frozen=True, order=True)
class Finding:
    """A problem and the check that found it."""

    problem: Problem
    check: str

    def text(self) -> str:
        """`path:line: level: field: message (fix)`: str(problem) with the level after the location."""
        p = self.problem
        where = f"{p.path}:{p.line}" if p.line else p.path
        return f"{where}: {p.level.value}: {str(p)[len(where) + 2 :]}"


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.problem.path, f.problem.line, f.problem.level != Level.ERROR, f.problem.message, f.check),
    )


def counts(findings: list[Finding]) -> tuple[int, int, int]:
    errors = sum(f.problem.level is Level.ERROR for f in findings)
    return errors, len(findings) - errors, len({f.problem.path for f in findings})


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(findings: list[Finding]) -> str:
    errors, warnings, files = counts(findings)
    if not findings:
        return "No problems found."
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def format_text(findings: list[Finding]) -> str:
    """Grouped by file (a blank line between files), then the one-line summary."""
    blocks = []
    for _, group in groupby(_sorted(findings), key=lambda f: f.problem.path):
        blocks.append("\n".join(f.text() for f in group))
    return "\n\n".join(blocks + [summary(findings)]) + "\n"


def as_json(findings: list[Finding], today: date, checks: list[str]) -> dict[str, Any]:
    errors, warnings, files = counts(findings)
    return {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "checks": checks,
        "summary": {"errors": errors, "warnings": warnings, "files": files},
        "problems": [
            {
                "check": f.check,
                "level": f.problem.level.value,
                "path": f.problem.path,
                "line": f.problem.line,
                "field": f.problem.field,
                "message": f.problem.message,
                "fix": f.problem.fix,
            }
            for f in _sorted(findings)
        ],
    }


def format_json(findings: list[Finding], today: date, checks: list[str]) -> str:
    return json.dumps(as_json(findings, today, checks), ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding]) -> str:
    """One workflow command per problem (::error / ::warning), then the summary as plain text."""
    lines = []
    for f in _sorted(findings):
        p = f.problem
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_property(f.check + (': ' + p.field if p.field else ''))}")
        message = f"{p.message} ({p.fix})" if p.fix else p.message
        lines.append(f"::{p.level.value} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines + [summary(findings)]) + "\n"
