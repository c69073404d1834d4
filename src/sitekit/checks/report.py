"""The validator's output: text grouped by audience then by file, JSON (scripts/validate.schema.json), GitHub
annotations, in the language of messages (French by default, sitekit.i18n.messages).

The text starts with what was checked (sitekit.checks.overview), then a section per audience: the authors
(pages, posts, kits, campaigns) first, then the establishment's profile, then the calendar's maintainers (calls,
campaigns and criteria as the date makes them stale), then the totals. With the demo profile, its blanks are one
line saying how to list them (`verbose` lists every finding); levels and totals count every finding.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sitekit.core.problems import Level, Problem
from sitekit.i18n.messages import SOURCE_LANGUAGE, catalogue
from sitekit.profile.model import PLACEHOLDER

if TYPE_CHECKING:
    from sitekit.checks.overview import Overview

JSON_VERSION = 1
VALIDATOR = ".venv/bin/python scripts/validate.py"  # as the README and the guide run it
VERBOSE_COMMAND = f"{VALIDATOR} --verbose"  # what lists the demo profile's blanks one by one
DEMO_KEY = "establishment.name"  # still to complete: the profile is the demo's


class Audience(str, Enum):
    """Who can act on a finding; the text output has a section for each, in this order."""

    AUTHORS = "authors"  # pages, posts, kits, campaigns, the built site
    PROFILE = "profile"  # the establishment's profile, and what pages and kits need from it
    CALENDAR = "calendar"  # calls, campaigns and criteria the date makes stale: the monthly review


@dataclass(frozen=True, order=True)
class Finding:
    """A problem, the check that found it, who can act on it, and whether it is a value of the profile still to
    fill in (`blank`: the profile's own line, or a page's or kit's marker that needs it)."""

    problem: Problem
    check: str
    audience: Audience = Audience.AUTHORS
    blank: bool = False

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


def format_text(
    findings: list[Finding],
    lang: str = SOURCE_LANGUAGE,
    overview: Overview | None = None,
    verbose: bool = False,
    verbose_command: str = VERBOSE_COMMAND,
) -> str:
    """What was checked (`overview`), then a section per audience with a heading, grouped by file (a blank line
    between files), then the one-line summary. Unless `verbose`, the demo profile's blanks are one line that
    names `verbose_command`."""
    blocks = [overview.text(lang)] if overview is not None else []
    for audience in Audience:
        shown = [f for f in findings if f.audience is audience]
        if not shown:
            continue
        if audience is Audience.PROFILE and not verbose:
            shown = demo_folded(shown, verbose_command)
        blocks.append(catalogue().word(f"section.{audience.value}", lang))
        for _, group in groupby(_sorted(shown), key=lambda f: f.problem.path):
            blocks.append("\n".join(f.text(lang) for f in group))
    return "\n\n".join(blocks + [summary(findings, lang)]) + "\n"


def demo_folded(findings: Sequence[Finding], command: str = VERBOSE_COMMAND) -> list[Finding]:
    """The findings with the demo profile's blanks (warnings: with --publish they are errors, each shown) made one
    line on the profile file; unchanged when the establishment's name is filled in (not the demo)."""
    blanks = [f for f in findings if f.blank and f.problem.level is Level.WARNING]
    named = [f for f in blanks if f.problem.field == DEMO_KEY]
    if not named:
        return list(findings)
    profile = named[0].problem.path
    values = sum(f.problem.path == profile for f in blanks)  # the others are the pages' and kits' markers
    folded = Problem(
        profile,
        0,
        "",
        f"the demo profile: {values} values are still « {PLACEHOLDER} », needed in {len(blanks) - values} places "
        "of the pages and kits",
        f"fill in your establishment's profile (guide: Making the kit your own); to list them one by one: {command}",
        Level.WARNING,
    )
    return [f for f in findings if f not in blanks] + [Finding(folded, "publish", Audience.PROFILE, True)]


def as_json(
    findings: list[Finding],
    today: date,
    checks: list[str],
    lang: str = SOURCE_LANGUAGE,
    overview: Overview | None = None,
) -> dict[str, Any]:
    errors, warnings, files = counts(findings)
    problems = []
    for f in _sorted(findings):
        p = f.problem.localized(lang)
        problems.append(
            {
                "check": f.check,
                "audience": f.audience.value,
                "level": p.level.value,
                "path": p.path,
                "line": p.line,
                "field": p.field,
                "message": p.message,
                "fix": p.fix,
            }
        )
    out = {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "lang": lang,
        "checks": checks,
        "summary": {"errors": errors, "warnings": warnings, "notes": notes(findings), "files": files},
    }
    if overview is not None:
        out["overview"] = overview.as_json()
    out["problems"] = problems
    return out


def format_json(
    findings: list[Finding],
    today: date,
    checks: list[str],
    lang: str = SOURCE_LANGUAGE,
    overview: Overview | None = None,
) -> str:
    return json.dumps(as_json(findings, today, checks, lang, overview), ensure_ascii=False, indent=2) + "\n"


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
