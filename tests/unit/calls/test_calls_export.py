"""Call exports: iCalendar files parsed back with icalendar, byte-identical renders, the open-data JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from conftest import ROOT
from sitekit.calls.export import call_ics, calls_ics, calls_json
from sitekit.calls.model import load_calls
from sitekit.i18n.strings import load_strings

FIXTURES = ROOT / "tests" / "fixtures" / "calls"
STRINGS = load_strings(ROOT / "data" / "strings.yml")
SITE_URL = "https://cybersante.example.org/"


@pytest.fixture(scope="module")
def calls():
    return load_calls(FIXTURES / "valid.yml", "fixtures/calls/valid.yml")


def events_of(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_all_day_event_per_known_opening_and_closing_day(calls):
    events = events_of(calls_ics(calls, "fr", SITE_URL, STRINGS))
    # fenetre, midi, annule: both days known; sans-date: none.
    assert len(events) == 6
    assert [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("midi-ouverture@cybersante.example.org", date(2025, 9, 1), date(2025, 9, 2)),
        ("fenetre-ouverture@cybersante.example.org", date(2025, 9, 2), date(2025, 9, 3)),
        ("midi-cloture@cybersante.example.org", date(2025, 9, 30), date(2025, 10, 1)),
        ("fenetre-cloture@cybersante.example.org", date(2025, 10, 31), date(2025, 11, 1)),
        ("annule-ouverture@cybersante.example.org", date(2025, 11, 3), date(2025, 11, 4)),
        ("annule-cloture@cybersante.example.org", date(2025, 12, 15), date(2025, 12, 16)),
    ]


def test_events_carry_title_link_status_and_a_stamp_from_the_data(calls):
    events = {str(e["UID"]): e for e in events_of(calls_ics(calls, "fr", SITE_URL, STRINGS))}
    closing = events["fenetre-cloture@cybersante.example.org"]
    # French typography set by the build: the fixture's title was typed with an ordinary space before « : »
    assert str(closing["SUMMARY"]) == "Clôture\u00a0: Appel test\u00a0: candidatures"
    assert str(closing["URL"]) == "https://cybersante.example.org/appels/fiches/fenetre.html"
    assert closing.decoded("DTSTAMP") == datetime(2025, 8, 1, tzinfo=UTC)  # last_checked
    assert str(closing["STATUS"]) == "CONFIRMED"
    assert str(events["annule-ouverture@cybersante.example.org"]["STATUS"]) == "CANCELLED"
    assert "à 12:00 (heure de Paris)" in str(events["midi-cloture@cybersante.example.org"]["DESCRIPTION"])
    english = {str(e["UID"]): e for e in events_of(calls_ics(calls, "en", SITE_URL, STRINGS))}
    assert " : " not in str(english["fenetre-cloture@cybersante.example.org"]["SUMMARY"]).replace("\u00a0", "")


def test_an_alarm_seven_days_before_each_closing_day_only(calls):
    for event in events_of(calls_ics(calls, "fr", SITE_URL, STRINGS)):
        alarms = event.walk("VALARM")
        if str(event["UID"]).startswith(("fenetre-cloture", "midi-cloture")):
            assert len(alarms) == 1
            assert alarms[0].decoded("TRIGGER") == timedelta(days=-7)
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
        else:  # openings, and the closing of a cancelled call
            assert alarms == []


def test_english_calendar(calls):
    cal = Calendar.from_ical(calls_ics(calls, "en", SITE_URL, STRINGS))
    assert str(cal["X-WR-CALNAME"]) == "CaRE funding calls"
    closing = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == "fenetre-cloture@cybersante.example.org")
    assert str(closing["SUMMARY"]) == "Deadline: Test call: applications"
    assert str(closing["URL"]) == "https://cybersante.example.org/en/appels/fiches/fenetre.html"


def test_the_calendar_of_one_call(calls):
    window = next(c for c in calls if c.id == "fenetre")
    cal = Calendar.from_ical(call_ics(window, "fr", SITE_URL, STRINGS))
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [
        "fenetre-ouverture@cybersante.example.org",
        "fenetre-cloture@cybersante.example.org",
    ]
    assert str(cal["X-WR-CALNAME"]) == "Appel test\u00a0: candidatures"  # French typography
    undated = next(c for c in calls if c.id == "sans-date")
    assert Calendar.from_ical(call_ics(undated, "fr", SITE_URL, STRINGS)).walk("VEVENT") == []


def test_ics_is_rfc5545_text(calls):
    data = calls_ics(calls, "fr", SITE_URL, STRINGS)
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded lines, in octets
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_two_renders_are_byte_identical(calls):
    reordered = list(reversed(calls))
    for lang in ("fr", "en"):
        assert calls_ics(calls, lang, SITE_URL, STRINGS) == calls_ics(reordered, lang, SITE_URL, STRINGS)
    assert calls_json(calls, date(2025, 10, 20)) == calls_json(reordered, date(2025, 10, 20))


def test_json_has_the_data_each_status_and_the_build_date(calls):
    document = json.loads(calls_json(calls, date(2025, 10, 20)))
    assert list(document) == [
        "format",
        "build_date",
        "last_checked",
        "last_checked_oldest",
        "timezone",
        "unknown_dates",
        "calls",
    ]
    assert document["build_date"] == "2025-10-20"
    # when the data were checked against their sources: the newest and the oldest last_checked of the calls
    assert (document["last_checked"], document["last_checked_oldest"]) == ("2025-10-01", "2025-08-01")
    statuses = {c["id"]: c["status"] for c in document["calls"]}
    assert statuses == {"annule": "annule", "fenetre": "cloture_imminente", "midi": "clos", "sans-date": "a_confirmer"}
    window = next(c for c in document["calls"] if c["id"] == "fenetre")
    assert list(window) == [
        "id",
        "status",
        "programme",
        "domain",
        "phase",
        "title",
        "summary",
        "audience",
        "opens",
        "closes",
        "closes_at",
        "override",
        "prerequisites",
        "targets",
        "envelope",
        "sources",
        "contact",
        "last_checked",
    ]
    assert window["opens"] == "2025-09-02" and window["closes"] == "2025-10-31"
    assert window["title"] == {"fr": "Appel test\u00a0: candidatures", "en": "Test call: applications"}  # typeset
    assert window["envelope"] == {"fr": "45\u00a0M€", "en": "€45 million"}
    undated = next(c for c in document["calls"] if c["id"] == "sans-date")
    assert undated["opens"] is None and undated["closes"] is None
    midi = next(c for c in document["calls"] if c["id"] == "midi")
    assert midi["closes_at"] == "12:00"


def test_json_status_follows_the_build_date(calls):
    before = json.loads(calls_json(calls, date(2025, 9, 1)))
    assert {c["id"]: c["status"] for c in before["calls"]}["fenetre"] == "a_venir"
    after = json.loads(calls_json(calls, date(2025, 11, 1)))
    assert {c["id"]: c["status"] for c in after["calls"]}["fenetre"] == "clos"


def test_project_calendar_has_an_event_per_known_date():
    calls = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")
    expected = sum((c.opens is not None) + (c.closes is not None) for c in calls)
    for lang in ("fr", "en"):
        events = events_of(calls_ics(calls, lang, SITE_URL, STRINGS))
        assert len(events) == expected
        uids = [str(e["UID"]) for e in events]
        assert len(set(uids)) == len(uids)
