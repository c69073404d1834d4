"""What readers see of the calls: dates written out, countdowns, status groups, and the rendered templates."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sitekit.calls.model import (
    Audience,
    Call,
    Phase,
    Status,
    call_status,
    checked_span,
    days_until_close,
    days_until_open,
    paris_date,
)
from sitekit.core.dates import ShownDay, format_clock, shown_day
from sitekit.i18n.strings import Strings
from sitekit.pages.generated import generated_note
from sitekit.site.paths import CALENDAR_PAGE, call_export_path, call_page_path, link, relative_url
from sitekit.site.templating import TemplateRenderer

ANNOUNCE_DAYS = 30  # the banner lists open calls closing within this many days
GENERATED_NOTE = generated_note("data/calls.yml", "calls")

# Groups of the calendar page, in reading order.
GROUPS: tuple[tuple[str, tuple[Status, ...]], ...] = (
    ("open", (Status.CLOTURE_IMMINENTE, Status.OUVERT)),
    ("upcoming", (Status.A_VENIR,)),
    ("to_confirm", (Status.A_CONFIRMER,)),
    ("cancelled", (Status.ANNULE, Status.REPORTE)),
    ("closed", (Status.CLOS,)),
    ("archived", (Status.ARCHIVE,)),
)


# Interface strings the Python side asks for (the templates' own are found in their text).
_CODE_STRINGS = (
    *(f"calls.status.{s.value}" for s in Status),
    *(f"calls.phase.{p.value}" for p in Phase),
    *(f"calls.audience.{a.value}" for a in Audience),
    *(f"calls.group.{name}" for name, _ in GROUPS),
    *(f"calls.group.{name}_summary" for name in ("closed", "archived")),
    *(f"calls.countdown.{kind}.{when}" for kind in ("open", "close") for when in ("today", "tomorrow", "days")),
    "calls.timeline.opens",
    "calls.timeline.closes",
    "calls.date.unknown",
    "calls.date.unpublished",
    "calls.date.closes_at",
    "calls.colon",
    "calls.ics.name",
    "calls.ics.opens",
    "calls.ics.closes",
    "calls.ics.alarm",
    "calls.ics.details",
)


def countdown(call: Call, now: datetime, strings: Strings, lang: str) -> str | None:
    """'clôture dans 12 jours', 'clôture demain', 'clôture aujourd'hui', 'ouverture dans 3 jours'; None otherwise."""
    status = call_status(call, now)
    if status.is_open:
        days, kind = days_until_close(call, now), "close"
    elif status is Status.A_VENIR:
        days, kind = days_until_open(call, now), "open"
    else:
        return None
    if days == 0:
        return strings.get(f"calls.countdown.{kind}.today", lang)
    if days == 1:
        return strings.get(f"calls.countdown.{kind}.tomorrow", lang)
    return strings.get(f"calls.countdown.{kind}.days", lang).format(n=days)


@dataclass(frozen=True)
class CallView:
    """One call as a template shows it, in one language, at one moment, from one page."""

    call: Call
    status: Status
    status_label: str
    countdown: str | None
    opens: ShownDay
    closes: ShownDay
    closes_at: str | None
    title: str
    summary: str
    phase: str
    audience: str
    envelope: str | None
    contact: str
    prerequisites: tuple[str, ...]
    targets: tuple[str, ...]
    override_reason: str | None
    last_checked: ShownDay
    href: str  # the call's page
    ics_href: str  # the call's .ics


def call_view(call: Call, now: datetime, lang: str, strings: Strings, page_url: str) -> CallView:
    status = call_status(call, now)
    # An archived call's unknown date was never published: it is no longer "to be confirmed".
    unknown = strings.get("calls.date.unpublished" if status is Status.ARCHIVE else "calls.date.unknown", lang)

    def day(value: date | None) -> ShownDay:
        return shown_day(value, lang, unknown)

    return CallView(
        call=call,
        status=status,
        status_label=strings.get(f"calls.status.{status.value}", lang),
        countdown=countdown(call, now, strings, lang),
        opens=day(call.opens),
        closes=day(call.closes),
        closes_at=(
            strings.get("calls.date.closes_at", lang).format(time=format_clock(call.closes_at))
            if call.closes_at
            else None
        ),
        title=call.title[lang],
        summary=call.summary[lang],
        phase=strings.get(f"calls.phase.{call.phase.value}", lang),
        audience=strings.get(f"calls.audience.{call.audience.value}", lang),
        envelope=call.envelope[lang] if call.envelope else None,
        contact=call.contact[lang],
        prerequisites=call.prerequisites[lang],
        targets=call.targets[lang],
        override_reason=call.override.reason[lang] if call.override else None,
        last_checked=day(call.last_checked),
        href=relative_url(call_page_path(call.id, lang), page_url),
        ics_href=relative_url(call_export_path(f"{call.id}.ics", lang), page_url),
    )


def _group_key(view: CallView) -> tuple[datetime | date | int | None, str]:
    """Soonest deadline first for open calls, soonest opening for upcoming ones, latest first for closed ones."""
    call = view.call
    if view.status.is_open:
        return (call.deadline, call.id)
    if view.status is Status.A_VENIR:
        return (call.opens, call.id)
    if view.status is Status.CLOS and call.closes is not None:  # a closed call always has its closing day
        return (-call.closes.toordinal(), call.id)
    if view.status is Status.ARCHIVE:
        return (-(call.opens or call.closes or date.min).toordinal(), call.id)
    known = call.opens or call.closes or date.max
    return (known, call.id)


def grouped(views: list[CallView]) -> list[tuple[str, list[CallView]]]:
    return [(name, sorted((v for v in views if v.status in statuses), key=_group_key)) for name, statuses in GROUPS]


@dataclass(frozen=True)
class TimelineEvent:
    day: ShownDay
    kind: str  # "opens" or "closes"
    view: CallView


def timeline(views: list[CallView]) -> tuple[list[tuple[int, list[TimelineEvent]]], list[CallView]]:
    """Dated events grouped by year (in date order), and the calls (not archived) with a date to be confirmed."""
    events: list[tuple[date, int, str, TimelineEvent]] = []
    for view in views:
        if view.call.opens:
            events.append((view.call.opens, 0, view.call.id, TimelineEvent(view.opens, "opens", view)))
        if view.call.closes:
            events.append((view.call.closes, 1, view.call.id, TimelineEvent(view.closes, "closes", view)))
    years: dict[int, list[TimelineEvent]] = {}
    for day, _, _, event in sorted(events, key=lambda e: e[:3]):
        years.setdefault(day.year, []).append(event)
    # (an archived call keeps its known dates above, but is no longer awaiting the others)
    undated = sorted(
        (v for v in views if (v.call.opens is None or v.call.closes is None) and v.status is not Status.ARCHIVE),
        key=lambda v: v.call.id,
    )
    return sorted(years.items()), undated


class CallsRenderer(TemplateRenderer):
    """Renders the calls' Markdown and HTML fragments from the Jinja templates in one folder."""

    string_prefix, code_strings = "calls", _CODE_STRINGS
    generated_note = GENERATED_NOTE

    def __init__(self, templates: Path, strings: Strings):
        super().__init__(templates, strings)
        self._announce_cache: dict[tuple[tuple[str, ...], datetime, str, str], list[CallView]] = {}

    def views(self, calls: Sequence[Call], now: datetime, lang: str, page_url: str) -> list[CallView]:
        return [call_view(c, now, lang, self.strings, page_url) for c in calls]

    def _as_of(self, now: datetime, lang: str) -> ShownDay:
        return shown_day(paris_date(now), lang)

    def _checked(self, calls: Sequence[Call], lang: str) -> tuple[ShownDay, ShownDay] | None:
        """The oldest and newest days the calls were checked against their sources (None without calls)."""
        span = checked_span(calls)
        if span is None:
            return None
        oldest, newest = span
        return shown_day(oldest, lang), shown_day(newest, lang)

    def calendar(self, calls: Sequence[Call], now: datetime, lang: str, page_url: str) -> str:
        return self._render(
            "calendar.md",
            lang,
            groups=grouped(self.views(calls, now, lang, page_url)),
            as_of=self._as_of(now, lang),
            checked=self._checked(calls, lang),
            ics_href=relative_url(call_export_path("calls.ics", lang), page_url),
            json_href=relative_url(call_export_path("calls.json", lang), page_url),
            timeline_href=link("appels/frise.html", lang, page_url),
        )

    def timeline(self, calls: Sequence[Call], now: datetime, lang: str, page_url: str) -> str:
        years, undated = timeline(self.views(calls, now, lang, page_url))
        return self._render("timeline.md", lang, years=years, undated=undated, as_of=self._as_of(now, lang))

    def call_page(self, call: Call, now: datetime, lang: str, page_url: str) -> str:
        return self._render(
            "call.md",
            lang,
            view=call_view(call, now, lang, self.strings, page_url),
            as_of=self._as_of(now, lang),
            calendar_href=link(CALENDAR_PAGE, lang, page_url),
        )

    def call_stub(self, call: Call, lang: str) -> str:
        """The Markdown file written for a call: front matter and the marker its content replaces."""
        return self._stub("call-stub.md", lang, call=call)

    def open_calls(
        self, calls: Sequence[Call], now: datetime, audiences: frozenset[Audience], lang: str, page_url: str
    ) -> str:
        """The calls open on `now` for the establishment's sector (`audiences`), soonest deadline first, for the
        marker <!-- calls-open --> (the staff home, addressed to the direction and IT); nothing when none is open."""
        views = [v for v in self.views(calls, now, lang, page_url) if v.status.is_open and v.call.audience in audiences]
        if not views:
            return ""
        return self._render(
            "open.md", lang, views=sorted(views, key=_group_key), calendar_href=link(CALENDAR_PAGE, lang, page_url)
        )

    def announce(self, calls: Sequence[Call], now: datetime, lang: str, page_url: str) -> list[CallView]:
        """Open calls closing within ANNOUNCE_DAYS, soonest first (what the announcement bar lists).

        Every page shows the bar: the views are made once per folder (links are relative to it), not per page.
        """
        key = (tuple(c.id for c in calls), now, lang, posixpath.dirname(page_url))
        if key not in self._announce_cache:
            soon = [
                v
                for v in self.views(calls, now, lang, page_url)
                if v.status.is_open
                and (days_left := days_until_close(v.call, now)) is not None
                and days_left <= ANNOUNCE_DAYS
            ]
            self._announce_cache[key] = sorted(soon, key=_group_key)
        return self._announce_cache[key]
