"""Exports of the calls: iCalendar files (all calls, one call) and open-data JSON, byte-identical for the same input;
their French texts with French typography (sitekit.core.typography)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sitekit.calls.model import Call, Status, call_status, checked_span, start_of_day
from sitekit.core.schema import Localized
from sitekit.core.typography import french_text, typeset
from sitekit.i18n.strings import Strings
from sitekit.site.ics import new_calendar, site_host
from sitekit.site.paths import call_page_path

if TYPE_CHECKING:
    from icalendar import Event

ALARM_BEFORE = timedelta(days=7)
JSON_FORMAT = "care-calls/1"
_ICS_STATUS = {Status.ANNULE: "CANCELLED", Status.REPORTE: "TENTATIVE"}
_KIND_ORDER = {"ouverture": 0, "cloture": 1}


def calls_ics(calls: Sequence[Call], lang: str, site_url: str, strings: Strings) -> bytes:
    """One calendar with an all-day event for each known opening and closing day of every call."""
    return _calendar(calls, lang, site_url, strings, strings.get("calls.ics.name", lang))


def call_ics(call: Call, lang: str, site_url: str, strings: Strings) -> bytes:
    """The calendar of one call (its opening and closing days, when known)."""
    return _calendar([call], lang, site_url, strings, call.title[lang])


def _calendar(calls: Sequence[Call], lang: str, site_url: str, strings: Strings, name: str) -> bytes:
    cal = new_calendar(site_url, "CaRE calls", lang, name)
    events = [
        (day, _KIND_ORDER[kind], call.id, kind, call)
        for call in calls
        for kind, day in (("ouverture", call.opens), ("cloture", call.closes))
        if day is not None
    ]
    for day, _, _, kind, call in sorted(events, key=lambda e: e[:3]):
        cal.add_component(_event(call, kind, day, lang, site_url, strings))
    ical: bytes = cal.to_ical()
    return ical


def _event(call: Call, kind: str, day: date, lang: str, site_url: str, strings: Strings) -> Event:
    title = call.title[lang]
    url = f"{site_url.rstrip('/')}/{call_page_path(call.id, lang)}"
    label = strings.get("calls.ics.opens" if kind == "ouverture" else "calls.ics.closes", lang)
    description = [call.summary[lang]]
    if kind == "cloture" and call.closes_at is not None:
        description.append(strings.get("calls.date.closes_at", lang).format(time=call.closes_at.strftime("%H:%M")))
    if call.override is not None:
        status_label = strings.get(f"calls.status.{call.override.status}", lang)
        description.append(f"{status_label}{strings.get('calls.colon', lang)} {call.override.reason[lang]}")
    description.append(f"{strings.get('calls.ics.details', lang)} {url}")

    from icalendar import Alarm, Event  # here: only when the file is not in the cache (sitekit.site.ics)

    event = Event()
    event.add("uid", f"{call.id}-{kind}@{site_host(site_url)}")
    # DTSTAMP comes from the data (the day the entry was checked), never from the clock.
    event.add("dtstamp", datetime.combine(call.last_checked, time(0), UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", typeset(f"{label} {title}", lang))
    event.add("description", typeset("\n\n".join(description), lang))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    status = _ICS_STATUS.get(Status(call.override.status), "CONFIRMED") if call.override else "CONFIRMED"
    event.add("status", status)
    if kind == "cloture" and status != "CANCELLED":
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", typeset(f"{strings.get('calls.ics.alarm', lang)} {title}", lang))
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
    return event


def calls_json(calls: Sequence[Call], today: date) -> bytes:
    """The calls' data with each call's status on the build date, for reuse as open data."""
    now = start_of_day(today)
    span = checked_span(calls)
    document = {
        "format": JSON_FORMAT,
        "build_date": today.isoformat(),
        # When the calls were checked against their sources: the newest and the oldest of their last_checked.
        "last_checked": span[1].isoformat() if span else None,
        "last_checked_oldest": span[0].isoformat() if span else None,
        "timezone": "Europe/Paris",
        "unknown_dates": "null: the sources do not give the date",
        "calls": [_record(call, call_status(call, now)) for call in sorted(calls, key=lambda c: c.id)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _record(call: Call, status: Status) -> dict[str, Any]:
    def localized(value: Localized | None) -> dict[str, str] | None:
        return {"fr": french_text(value.fr), "en": value.en} if value is not None else None

    return {
        "id": call.id,
        "status": status.value,
        "programme": call.programme,
        "domain": call.domain,
        "phase": call.phase.value,
        "title": localized(call.title),
        "summary": localized(call.summary),
        "audience": call.audience.value,
        "opens": call.opens.isoformat() if call.opens else None,
        "closes": call.closes.isoformat() if call.closes else None,
        "closes_at": call.closes_at.strftime("%H:%M") if call.closes_at else None,
        "override": (
            {"status": call.override.status, "reason": localized(call.override.reason)} if call.override else None
        ),
        "prerequisites": {"fr": [french_text(t) for t in call.prerequisites.fr], "en": list(call.prerequisites.en)},
        "targets": {"fr": [french_text(t) for t in call.targets.fr], "en": list(call.targets.en)},
        "envelope": localized(call.envelope),
        "sources": list(call.sources),
        "contact": localized(call.contact),
        "last_checked": call.last_checked.isoformat(),
    }
