"""Freshness of data/calls.yml at the build date: entries not checked for too long, dates left « à confirmer »
for months, and a calendar that nobody has updated while nothing is open or upcoming.

The rules (documented in README, "Validator"; thresholds are options of scripts/validate.py):
  - a call whose `last_checked` is more than `warn_days` old (default 90): warning; more than `error_days`
    (default 180): error. The calendar may be wrong: check the sources, then update the entry and last_checked.
  - a call « à confirmer » whose known opening day is more than `confirm_months` past (default 6): warning.
    Confirm its closing day from a source, or record, with that source, that it is over (override: archive).
  - no call open or upcoming, and no call checked within `warn_days`: one warning, the calendar probably
    needs an update. (A calendar checked recently that has nothing open is simply quiet.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitekit.calls.model import Call, Status, call_status, checked_span, start_of_day
from sitekit.core.dates import add_months
from sitekit.core.problems import Level, Problem
from sitekit.core.yamlfile import YamlDocument, dotted

FIX_STALE = "the calendar may be wrong: check the sources, then update the entry and set last_checked to that day"
FIX_CONFIRM = (
    "confirm the closing day from a source and write it in closes; or, if a source says the call is over (or "
    "nothing more can be found), add override: {status: archive, reason: {fr: ..., en: ...}} saying so, "
    "with that source in sources"
)
FIX_CALENDAR = (
    "the calendar probably needs an update: check the sources, add the next calls and set last_checked on "
    "every entry checked"
)


@dataclass(frozen=True)
class Thresholds:
    """How old a check may get (days) before a warning, then an error; how long a date may stay unknown."""

    warn_days: int = 90
    error_days: int = 180
    confirm_months: int = 6


def call_freshness_problems(
    calls: list[Call], doc: YamlDocument, today: date, limits: Thresholds = Thresholds()
) -> list[Problem]:
    now = start_of_day(today)
    out: list[Problem] = []

    def add(index: int, field: str, message: str, fix: str, level: Level) -> None:
        where = ("calls", index, field)
        out.append(Problem(doc.path, doc.line(where), dotted(where), message, fix, level))

    open_or_upcoming = False
    for index, call in enumerate(calls):
        status = call_status(call, now)
        open_or_upcoming = open_or_upcoming or status.is_open or status is Status.A_VENIR
        age = (today - call.last_checked).days
        if age > limits.error_days:
            add(
                index,
                "last_checked",
                f"call {call.id!r} was last checked against its sources on {call.last_checked.isoformat()}, "
                f"{age} days ago (more than {limits.error_days})",
                FIX_STALE,
                Level.ERROR,
            )
        elif age > limits.warn_days:
            add(
                index,
                "last_checked",
                f"call {call.id!r} was last checked against its sources on {call.last_checked.isoformat()}, "
                f"{age} days ago (more than {limits.warn_days}; an error after {limits.error_days})",
                FIX_STALE,
                Level.WARNING,
            )
        opened = call.opens if status is Status.A_CONFIRMER and call.closes is None else None
        if opened is not None and add_months(opened, limits.confirm_months) < today:
            add(
                index,
                "closes",
                f"call {call.id!r} opened on {opened.isoformat()}, more than {limits.confirm_months} "
                "months ago, and its closing day is still « à confirmer »",
                FIX_CONFIRM,
                Level.WARNING,
            )
    span = checked_span(calls)
    if not open_or_upcoming and (span is None or (today - span[1]).days > limits.warn_days):
        newest = f"the newest check is {span[1].isoformat()}" if span else "the file lists no call"
        out.append(
            Problem(
                doc.path,
                doc.line(("calls",)),
                "calls",
                f"no call is open or upcoming on {today.isoformat()}, and no call was checked in the last "
                f"{limits.warn_days} days ({newest})",
                FIX_CALENDAR,
                Level.WARNING,
            )
        )
    return out
