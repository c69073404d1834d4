"""Deadlines in data/calls.yml at the build date: contradicting overrides and calls closing soon.

A calendar with nothing open or upcoming is a freshness matter (sitekit.checks.call_freshness: it warns only when
nobody has checked the calls recently).

Closing days before opening days are refused by the loader itself (sitekit.calls.model): the validator reports the
loader's problems. The override rule (documented in README, "Validator"):
  - `reporte` (postponed): the dates written must be the new ones, or `unknown`. A postponed call whose known
    closing day is before the build date contradicts them: it cannot still be waiting for new dates.
  - `annule` (cancelled): its dates stay the ones once published, past or not, so that readers see what
    was cancelled; no date contradicts a cancellation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitekit.calls.model import Call, call_status, days_until_close, start_of_day
from sitekit.core.problems import Level, Problem
from sitekit.core.yamlfile import YamlDocument, dotted


def deadline_problems(calls: Sequence[Call], doc: YamlDocument, today: date, warn_days: int) -> list[Problem]:
    now = start_of_day(today)
    out: list[Problem] = []

    def add(index: int, field: str, message: str, fix: str, level: Level = Level.ERROR) -> None:
        where = ("calls", index, field)
        out.append(Problem(doc.path, doc.line(where), dotted(where), message, fix, level))

    for index, call in enumerate(calls):
        if call.override is not None and call.override.status == "reporte" and call.closes and call.closes < today:
            add(
                index,
                "override",
                f"call {call.id!r} is marked reporte (postponed) but its closing day {call.closes.isoformat()} "
                f"is before the build date {today.isoformat()}",
                "write the new dates in opens and closes (or unknown until they are announced), "
                "or remove the override if the call ran as published",
            )
        status = call_status(call, now)
        if status.is_open:
            days = days_until_close(call, now)
            if days is not None and call.closes is not None and days <= warn_days:
                when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
                add(
                    index,
                    "closes",
                    f"call {call.id!r} closes {when} ({call.closes.isoformat()})",
                    "check the closing day against the source; after it the calendar shows the call as closed",
                    Level.WARNING,
                )
    return out
