"""The build date: one setting (the plugin's `today`, SITEKIT_TODAY or --today), default today in Europe/Paris."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sitekit.core import renames

PARIS = ZoneInfo("Europe/Paris")
ENV_VAR = "SITEKIT_TODAY"  # formerly CARE_TODAY, still read (sitekit.core.renames)


class BuildDateError(ValueError):
    """The build date setting is not a valid YYYY-MM-DD date."""


def parse_build_date(value: str, source: str = ENV_VAR) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BuildDateError(f"{source}: {value!r} is not a date (write YYYY-MM-DD, e.g. 2025-10-31)") from None


def clock_today() -> date:
    """The real day in Paris, whatever SITEKIT_TODAY says: what cannot have happened yet is after it."""
    return datetime.now(PARIS).date()


def build_date(value: str | None = None, source: str = "--today") -> date:
    """`value` if given (`source` names it in messages), else $SITEKIT_TODAY (or its old name $CARE_TODAY) if set,
    else today's date in Paris."""
    if value:
        return parse_build_date(value, source)
    env = renames.environment(ENV_VAR)
    if env:
        return parse_build_date(env, ENV_VAR if renames.environment_value(ENV_VAR) else renames.ENVIRONMENT[ENV_VAR])
    return clock_today()
