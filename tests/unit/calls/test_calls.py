"""Calls: the loader's problems (exact text and line), the status rule at its boundaries, dates and countdowns."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from conftest import ROOT, refused
from sitekit.calls.model import Call, Status, call_status, load_calls, start_of_day
from sitekit.calls.view import countdown
from sitekit.core.dates import format_day
from sitekit.core.problems import ProblemsError
from sitekit.core.today import PARIS
from sitekit.i18n.strings import load_strings

FIXTURES = ROOT / "tests" / "fixtures" / "calls"
STRINGS = load_strings(ROOT / "data" / "strings.yml")


def load_fixture(name: str) -> list[Call]:
    return load_calls(FIXTURES / name, f"fixtures/calls/{name}")


def problems_of(name: str) -> list[str]:
    with pytest.raises(ProblemsError) as exc:
        load_fixture(name)
    return str(exc.value).splitlines()


@pytest.fixture(scope="module")
def calls() -> dict[str, Call]:
    return {call.id: call for call in load_fixture("valid.yml")}


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


# --- loading -------------------------------------------------------------------------------------


def test_valid_file_loads_into_typed_calls(calls):
    window = calls["fenetre"]
    assert window.opens == date(2025, 9, 2) and window.closes == date(2025, 10, 31)
    assert window.title.fr == "Appel test : candidatures" and window.title["en"] == "Test call: applications"
    assert window.prerequisites.fr == ("Disposer d'une PSSI.",)
    assert calls["midi"].closes_at.isoformat() == "12:00:00"
    assert calls["sans-date"].opens is None and calls["sans-date"].closes is None
    assert calls["annule"].override.status == "annule"


def test_calls_are_frozen(calls):
    with pytest.raises(ValidationError):
        calls["fenetre"].closes = date(2030, 1, 1)


def test_the_project_data_loads():
    calls = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")
    ids = [call.id for call in calls]
    assert len(ids) == len(set(ids)) >= 9
    assert {
        "d1-candidature",
        "d1-declaration-objectifs",
        "d1-paiement",
        "d2-candidature",
        "d2-declaration-objectifs",
        "d1-bis-candidature",
        "hospiconnect-candidature-2026",
        "medico-social-premier-appel",
    } <= set(ids)
    by_id = {call.id: call for call in calls}
    assert (by_id["d2-candidature"].opens, by_id["d2-candidature"].closes) == (date(2025, 9, 2), date(2025, 10, 31))
    assert (by_id["d1-candidature"].opens, by_id["d1-candidature"].closes) == (date(2024, 3, 18), date(2024, 4, 19))
    assert by_id["medico-social-premier-appel"].opens is None and by_id["medico-social-premier-appel"].closes is None


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "unknown-key.yml",
            [
                "fixtures/calls/unknown-key.yml:16: calls[0].contacts: unknown key (did you mean contact? known keys: id, "
                "programme, domain, phase, title, summary, audience, opens, closes, closes_at, override, prerequisites, "
                "targets, envelope, sources, contact, last_checked)"
            ],
        ),
        (
            "missing-language.yml",
            [
                "fixtures/calls/missing-language.yml:6: calls[0].title.en: missing English text "
                "(add en: with the text in that language)"
            ],
        ),
        (
            "malformed-date.yml",
            [
                "fixtures/calls/malformed-date.yml:9: calls[0].opens: '2025-02-30' is not a date "
                "(write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)",
                "fixtures/calls/malformed-date.yml:10: calls[0].closes: '31/10/2025' is not a date "
                "(write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)",
            ],
        ),
        (
            "closes-before-opens.yml",
            [
                "fixtures/calls/closes-before-opens.yml:10: calls[0].closes: closing day 2025-09-02 is before opening day "
                "2025-10-31 (check both dates against the source)"
            ],
        ),
        (
            "duplicate-id.yml",
            [
                "fixtures/calls/duplicate-id.yml:17: calls[1].id: duplicate id 'fenetre', already used at line 2 "
                "(give each call its own id)"
            ],
        ),
        (
            "malformed-url.yml",
            [
                "fixtures/calls/malformed-url.yml:15: calls[0].sources[1]: 'esante.gouv.fr/securite' is not a URL "
                "(write the full address, starting with https://)"
            ],
        ),
        (
            "bad-audience.yml",
            [
                "fixtures/calls/bad-audience.yml:8: calls[0].audience: 'hopital' is not allowed "
                "(use 'sanitaire', 'medico-social', 'both' or 'unknown')"
            ],
        ),
        (
            "bad-override.yml",
            [
                "fixtures/calls/bad-override.yml:12: calls[0].override.status: 'supprime' is not an override status "
                "(use annule, reporte or archive: an override is only for a cancelled, postponed or archived call)",
                "fixtures/calls/bad-override.yml:13: calls[0].override.reason.en: missing English text "
                "(add en: with the text in that language)",
            ],
        ),
        (
            "unquoted-time.yml",
            [
                "fixtures/calls/unquoted-time.yml:11: calls[0].closes_at: the time was read as a number "
                '(put it in quotes, e.g. closes_at: "12:00")'
            ],
        ),
    ],
)
def test_each_bad_input_is_reported_with_its_line(fixture, expected):
    assert problems_of(fixture) == expected


def test_every_problem_of_a_file_is_reported_at_once():
    assert problems_of("many-problems.yml") == [
        "fixtures/calls/many-problems.yml:7: calls[0].summary.en: missing English text "
        "(add en: with the text in that language)",
        "fixtures/calls/many-problems.yml:8: calls[0].audience: 'hopital' is not allowed "
        "(use 'sanitaire', 'medico-social', 'both' or 'unknown')",
        "fixtures/calls/many-problems.yml:17: calls[1].id: 'Deuxieme Appel' is not a valid id "
        "(use lower-case letters, digits and hyphens, e.g. d2-candidature)",
        "fixtures/calls/many-problems.yml:24: calls[1].opens: 'bientot' is not a date "
        "(write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)",
        "fixtures/calls/many-problems.yml:29: calls[1].sources[0]: 'ftp://example.org/x' is not a URL "
        "(write the full address, starting with https://)",
    ]


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(ProblemsError) as exc:
        load_calls(tmp_path / "calls.yml", "data/calls.yml")
    assert str(exc.value) == "data/calls.yml: file not found (create it or fix the path)"


def test_a_file_without_a_calls_list_is_refused(tmp_path):
    assert str(refused(load_calls, tmp_path / "calls.yml", "appels:\n  - id: x\n", "data/calls.yml")) == (
        "data/calls.yml:1: calls: expected a list of calls under the key calls: "
        "(start the file with calls: and write each call as a list item (- id: ...))"
    )


def test_a_translated_list_must_have_as_many_items_in_each_language(tmp_path):
    text = (
        (FIXTURES / "valid.yml")
        .read_text(encoding="utf-8")
        .replace(
            "prerequisites: {fr: [Disposer d'une PSSI.], en: [Have a security policy.]}",
            "prerequisites: {fr: [Disposer d'une PSSI.], en: []}",
        )
    )
    assert str(refused(load_calls, tmp_path / "calls.yml", text, "data/calls.yml")) == (
        "data/calls.yml:12: calls[0].prerequisites: not as many items in fr (1) as in en (0) "
        "(translate every item, in the same order)"
    )


# --- status --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (paris(2025, 9, 1, 23, 59, 59), Status.A_VENIR),  # the evening before the opening day
        (paris(2025, 9, 2, 0, 0), Status.OUVERT),  # the opening day, from midnight
        (paris(2025, 10, 16, 23, 59), Status.OUVERT),  # 15 days before the closing day
        (paris(2025, 10, 17, 0, 0), Status.CLOTURE_IMMINENTE),  # 14 days before
        (paris(2025, 10, 31, 0, 0), Status.CLOTURE_IMMINENTE),  # the closing day...
        (paris(2025, 10, 31, 23, 59, 59), Status.CLOTURE_IMMINENTE),  # ...is open until its end
        (paris(2025, 11, 1, 0, 0), Status.CLOS),  # the day after
    ],
)
def test_status_around_the_opening_and_closing_days(calls, now, expected):
    assert call_status(calls["fenetre"], now) is expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (paris(2025, 9, 30, 11, 59, 59), Status.CLOTURE_IMMINENTE),
        (paris(2025, 9, 30, 12, 0), Status.CLOS),  # closes_at: closed from that minute, Paris time
    ],
)
def test_a_closing_time_ends_the_closing_day_early(calls, now, expected):
    assert call_status(calls["midi"], now) is expected


def test_the_status_uses_paris_time_whatever_the_zone_of_now(calls):
    # 31 October 2025 is in winter time (UTC+1): 22:59:59 UTC is 23:59:59 in Paris.
    assert call_status(calls["fenetre"], datetime(2025, 10, 31, 22, 59, 59, tzinfo=UTC)).is_open
    assert call_status(calls["fenetre"], datetime(2025, 10, 31, 23, 0, tzinfo=UTC)) is Status.CLOS


def test_a_naive_datetime_is_refused(calls):
    with pytest.raises(ValueError):
        call_status(calls["fenetre"], datetime(2025, 10, 1))


def test_an_override_wins_over_the_dates(calls):
    for now in (paris(2025, 1, 1), paris(2025, 11, 20), paris(2026, 6, 1)):
        assert call_status(calls["annule"], now) is Status.ANNULE


def test_postponed_override(calls):
    postponed = calls["annule"].model_copy(
        update={"override": calls["annule"].override.model_copy(update={"status": "reporte"})}
    )
    assert call_status(postponed, paris(2025, 11, 20)) is Status.REPORTE


@pytest.mark.parametrize(
    ("opens", "closes", "now", "expected"),
    [
        (None, None, paris(2025, 1, 1), Status.A_CONFIRMER),
        (date(2026, 1, 16), None, paris(2026, 1, 15), Status.A_VENIR),  # not open yet: certain
        (date(2026, 1, 16), None, paris(2026, 1, 16), Status.A_CONFIRMER),  # opened, closing unknown
        (None, date(2026, 6, 30), paris(2026, 6, 30), Status.A_CONFIRMER),  # opening unknown
        (None, date(2026, 6, 30), paris(2026, 7, 1), Status.CLOS),  # past its closing day: certain
    ],
)
def test_unknown_dates_give_a_confirmer_only_when_the_status_depends_on_them(calls, opens, closes, now, expected):
    call = calls["fenetre"].model_copy(update={"opens": opens, "closes": closes})
    assert call_status(call, now) is expected


def test_the_build_moment_is_midnight_in_paris():
    assert start_of_day(date(2025, 10, 20)) == datetime(2025, 10, 20, 0, 0, tzinfo=PARIS)
    assert start_of_day(date(2025, 10, 20)).utcoffset().total_seconds() == 7200


# --- dates and countdowns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (date(2025, 9, 1), "fr", "1er septembre 2025"),
        (date(2025, 9, 2), "fr", "2 septembre 2025"),
        (date(2025, 10, 31), "fr", "31 octobre 2025"),
        (date(2025, 9, 1), "en", "1 September 2025"),
        (date(2025, 9, 2), "en", "2 September 2025"),
    ],
)
def test_dates_are_written_out(day, lang, expected):
    assert format_day(day, lang) == expected


@pytest.mark.parametrize(
    ("now", "fr", "en"),
    [
        (paris(2025, 10, 19), "clôture dans 12 jours", "closes in 12 days"),
        (paris(2025, 10, 30), "clôture demain", "closes tomorrow"),
        (paris(2025, 10, 31, 18, 0), "clôture aujourd’hui", "closes today"),
        (paris(2025, 8, 30), "ouverture dans 3 jours", "opens in 3 days"),
        (paris(2025, 9, 1, 9, 0), "ouverture demain", "opens tomorrow"),
        (paris(2025, 11, 1), None, None),
    ],
)
def test_countdown_in_both_languages(calls, now, fr, en):
    assert countdown(calls["fenetre"], now, STRINGS, "fr") == fr
    assert countdown(calls["fenetre"], now, STRINGS, "en") == en


def test_no_countdown_without_a_known_date(calls):
    assert countdown(calls["sans-date"], paris(2025, 10, 1), STRINGS, "fr") is None


# --- rendering (no MkDocs involved) --------------------------------------------------------------


@pytest.fixture(scope="module")
def renderer():
    from sitekit.calls.view import CallsRenderer

    return CallsRenderer(ROOT / "overrides" / "partials" / "calls", STRINGS)


def test_calendar_groups_calls_by_status(renderer, calls):
    from selectolax.lexbor import LexborHTMLParser

    markdown = renderer.calendar(list(calls.values()), paris(2025, 10, 20), "fr", "appels/index.html")
    assert "## Appels ouverts" in markdown and "## Appels clos" in markdown
    tree = LexborHTMLParser(markdown)
    items = {li.attributes["data-call-id"]: li for li in tree.css("li.calls-list__item")}
    assert {k: v.attributes["data-status"] for k, v in items.items()} == {
        "fenetre": "cloture_imminente",
        "annule": "annule",
        "sans-date": "a_confirmer",
        "midi": "clos",
    }
    assert items["fenetre"].css_first("a").attributes["href"] == "fiches/fenetre.html"
    assert "clôture dans 11 jours" in items["fenetre"].text()
    assert [li.attributes["data-call-id"] for li in tree.css("details.calls-closed li")] == ["midi"]
    assert tree.css_first("a[type='text/calendar']").attributes["href"] == "calls.ics"


def test_links_are_relative_to_the_page_in_each_language(renderer, calls):
    from selectolax.lexbor import LexborHTMLParser

    views = renderer.announce(list(calls.values()), paris(2025, 10, 20), "en", "en/index.html")
    assert [(v.call.id, v.href, v.ics_href) for v in views] == [
        ("fenetre", "appels/fiches/fenetre.html", "appels/fenetre.ics")
    ]
    page = renderer.call_page(calls["fenetre"], paris(2025, 10, 20), "en", "en/appels/fiches/fenetre.html")
    tree = LexborHTMLParser(page)
    assert tree.css_first("p.calls-add a").attributes["href"] == "../fenetre.ics"
    assert tree.css_first("p.calls-back a").attributes["href"] == "../index.html"


@pytest.mark.parametrize(
    ("now", "listed"),
    [
        (paris(2025, 9, 30, 23, 59), []),  # 31 days before the closing day
        (paris(2025, 10, 1), ["fenetre"]),  # 30 days before
        (paris(2025, 10, 31, 23, 0), ["fenetre"]),
        (paris(2025, 11, 1), []),
    ],
)
def test_the_banner_lists_open_calls_closing_within_30_days(renderer, calls, now, listed):
    # "midi" closes on 30 September at noon: listed that morning, gone at noon.
    assert [v.call.id for v in renderer.announce([calls["midi"]], paris(2025, 9, 30, 11, 0), "fr", "")] == ["midi"]
    assert renderer.announce([calls["midi"]], paris(2025, 9, 30, 12, 0), "fr", "") == []
    assert [v.call.id for v in renderer.announce([calls["fenetre"]], now, "fr", "index.html")] == listed


def test_data_is_escaped_in_the_rendered_html(renderer, calls):
    call = calls["fenetre"].model_copy(
        update={"summary": calls["fenetre"].summary.model_copy(update={"fr": "<script>alert(1)</script> & co"})}
    )
    page = renderer.call_page(call, paris(2025, 10, 20), "fr", "appels/fiches/fenetre.html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_call_page_stub_has_front_matter_and_the_marker(renderer, calls):
    stub = renderer.call_stub(calls["fenetre"], "fr")
    assert stub.splitlines()[2:5] == [
        'title: "Appel test : candidatures"',
        'description: "Résumé de l\\u0027appel test."',
        "call: fenetre",
    ]
    assert stub.rstrip().endswith("<!-- call-page -->")


def test_every_interface_string_the_calendar_uses_exists(renderer):
    assert renderer.missing_strings() == []


def test_a_missing_interface_string_is_named(calls):
    from sitekit.calls.view import CallsRenderer
    from sitekit.i18n.strings import Strings

    table = {k: v for k, v in STRINGS.table.items() if k not in ("calls.status.clos", "calls.page.sources")}
    renderer = CallsRenderer(ROOT / "overrides" / "partials" / "calls", Strings(table))
    assert renderer.missing_strings() == ["calls.page.sources", "calls.status.clos"]
