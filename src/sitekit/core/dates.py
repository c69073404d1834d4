"""Dates as readers see them: « 1er septembre 2025 », "2 September 2025", "14:00"; calendar-month arithmetic."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache

from babel.dates import format_date


@lru_cache(maxsize=4096)
def format_day(day: date, lang: str) -> str:
    """'1er septembre 2025', '2 septembre 2025'; '2 September 2025' (cached: Babel is slow, pages repeat dates)."""
    if lang == "fr":
        text = format_date(day, format="long", locale="fr")
        return "1er" + text[1:] if day.day == 1 else text
    return format_date(day, format="d MMMM y", locale=lang)


@dataclass(frozen=True)
class ShownDay:
    """A day as a template shows it: `iso` for <time datetime> (None when the sources do not give the day), and its
    `text`."""

    iso: str | None
    text: str


def shown_day(day: date | None, lang: str, unknown: str = "") -> ShownDay:
    """`day` as a template shows it: written out in `lang`, or `unknown` when there is no day."""
    return ShownDay(None, unknown) if day is None else ShownDay(day.isoformat(), format_day(day, lang))


def format_clock(moment: time) -> str:
    return moment.strftime("%H:%M")


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier if negative), clamped to the end of the month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
