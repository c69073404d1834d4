"""The build date: one setting (CARE_TODAY or --today), default today in Europe/Paris."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
ENV_VAR = "CARE_TODAY"


class BuildDateError(ValueError):
    """The build date setting is not a valid YYYY-MM-DD date."""


def parse_build_date(value: str, source: str = ENV_VAR) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BuildDateError(f"{source}: {value!r} is not a date (write YYYY-MM-DD, e.g. 2025-10-31)") from None


def clock_today() -> date:
    """The real day in Paris, whatever CARE_TODAY says: what cannot have happened yet is after it."""
    return datetime.now(PARIS).date()


def build_date(value: str | None = None) -> date:
    """`value` if given, else $CARE_TODAY if set, else today's date in Paris."""
    if value:
        return parse_build_date(value, "--today")
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return parse_build_date(env)
    return clock_today()
