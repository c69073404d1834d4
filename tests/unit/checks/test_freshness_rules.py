"""Freshness rules of the validator, each called directly with a frozen date (no site build): calls' last checks,
dates left « à confirmer », a calendar nobody updates, campaigns left in draft, criteria past their review date;
then the command line on the real data, and the reviewer's worklist (--sources)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from sitekit.calls.model import load_calls_document
from sitekit.campaigns.model import load_campaign
from sitekit.checks import cli
from sitekit.checks.call_freshness import Thresholds, call_freshness_problems
from sitekit.checks.campaign_freshness import campaign_freshness_problems, coming_october
from sitekit.checks.criteria_freshness import criteria_freshness_problems
from sitekit.checks.worklist import entries
from sitekit.core.problems import Level, Problem
from sitekit.criteria.model import load_criteria
from sitekit.project import load_project

SHOWN = "data/calls.yml"
FIX_STALE = "the calendar may be wrong: check the sources, then update the entry and set last_checked to that day"

CALL = """\
  - id: {id}
    programme: CaRE
    domain: D2
    phase: candidature
    title: {{fr: "Appel {id}", en: "Call {id}"}}
    summary: {{fr: Résumé., en: Summary.}}
    audience: sanitaire
    opens: {opens}
    closes: {closes}
{override}    prerequisites: {{fr: [], en: []}}
    targets: {{fr: [], en: []}}
    sources: [https://example.org/{id}]
    contact: {{fr: ARS, en: ARS}}
    last_checked: {checked}
"""
ARCHIVE = """\
    override:
      status: archive
      reason: {fr: "aucune date de clôture publiée.", en: "no closing day published."}
"""


def calls_file(tmp_path: Path, *calls: dict[str, str]) -> tuple[list, object]:
    text = "# test calls\ncalls:\n" + "".join(CALL.format(**{"override": "", **c}) for c in calls)
    path = tmp_path / "calls.yml"
    path.write_text(text, encoding="utf-8")
    return load_calls_document(path, SHOWN)


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return found[occurrence - 1]


# --- calls: last_checked ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "today, expected",
    [
        (date(2026, 12, 1), []),  # 9 days
        (date(2027, 2, 20), []),  # 90 days: not more than 90
        (date(2027, 2, 21), [Level.WARNING]),  # 91 days
        (date(2027, 5, 21), [Level.WARNING]),  # 180 days
        (date(2027, 5, 22), [Level.ERROR]),  # 181 days
    ],
)
def test_last_checked_warns_after_90_days_and_fails_after_180(tmp_path, today, expected):
    calls, doc = calls_file(
        tmp_path, {"id": "a", "opens": "2026-09-01", "closes": "2027-12-31", "checked": "2026-11-22"}
    )
    found = [p for p in call_freshness_problems(calls, doc, today) if p.field == "calls[0].last_checked"]
    assert [p.level for p in found] == expected
    for p in found:
        assert p.line == line_of(tmp_path / "calls.yml", "last_checked:") and p.fix == FIX_STALE


def test_last_checked_messages_and_thresholds_as_options(tmp_path):
    calls, doc = calls_file(
        tmp_path, {"id": "a", "opens": "2026-09-01", "closes": "2027-12-31", "checked": "2026-11-22"}
    )
    warning = call_freshness_problems(calls, doc, date(2027, 3, 2))
    assert warning == [
        Problem(
            SHOWN,
            16,
            "calls[0].last_checked",
            "call 'a' was last checked against its sources on 2026-11-22, 100 days ago (more than 90; an error "
            "after 180)",
            FIX_STALE,
            Level.WARNING,
        )
    ]
    error = call_freshness_problems(calls, doc, date(2027, 6, 10))
    assert [(p.level, p.message) for p in error] == [
        (Level.ERROR, "call 'a' was last checked against its sources on 2026-11-22, 200 days ago (more than 180)")
    ]
    assert call_freshness_problems(calls, doc, date(2027, 6, 10), Thresholds(warn_days=250, error_days=300)) == []
    strict = call_freshness_problems(calls, doc, date(2026, 12, 2), Thresholds(warn_days=5, error_days=9))
    assert [p.level for p in strict] == [Level.ERROR]


# --- calls: « à confirmer » for months --------------------------------------------------------------


@pytest.mark.parametrize(
    "call, today, warned",
    [
        ({"opens": "2026-01-16", "closes": "unknown"}, date(2026, 7, 16), False),  # exactly 6 months
        ({"opens": "2026-01-16", "closes": "unknown"}, date(2026, 7, 17), True),
        ({"opens": "2026-08-31", "closes": "unknown"}, date(2027, 2, 28), False),  # (month end: 28 February)
        ({"opens": "2026-08-31", "closes": "unknown"}, date(2027, 3, 1), True),
        ({"opens": "unknown", "closes": "unknown"}, date(2030, 1, 1), False),  # no known opening day
        ({"opens": "unknown", "closes": "2031-01-01"}, date(2030, 1, 1), False),
        ({"opens": "2024-03-18", "closes": "unknown", "override": ARCHIVE}, date(2026, 11, 29), False),
        ({"opens": "2026-01-16", "closes": "2026-03-01"}, date(2026, 11, 29), False),  # closed: its dates are known
    ],
)
def test_a_closing_day_unknown_six_months_after_the_opening(tmp_path, call, today, warned):
    # Checked on the simulated day, but never after the real one (a check date in the future is refused).
    checked = min(today, date(2026, 11, 29))
    calls, doc = calls_file(tmp_path, {"id": "x", "checked": str(checked), **call})
    found = [p for p in call_freshness_problems(calls, doc, today) if p.field == "calls[0].closes"]
    assert bool(found) is warned
    if warned:
        assert found[0].level is Level.WARNING
        assert found[0].line == line_of(tmp_path / "calls.yml", "closes:")
        assert found[0].message == (
            f"call 'x' opened on {call['opens']}, more than 6 months ago, and its closing day is still « à confirmer »"
        )
        assert "write it in closes" in found[0].fix and "override: {status: archive" in found[0].fix


def test_confirm_months_is_an_option(tmp_path):
    calls, doc = calls_file(tmp_path, {"id": "x", "opens": "2026-10-01", "closes": "unknown", "checked": "2026-11-29"})
    assert call_freshness_problems(calls, doc, date(2026, 11, 29)) == []
    found = call_freshness_problems(calls, doc, date(2026, 11, 29), Thresholds(confirm_months=1))
    assert [p.field for p in found] == ["calls[0].closes"]


# --- calls: a calendar nobody updates -----------------------------------------------------------------

QUIET = "the calendar probably needs an update: check the sources, add the next calls and set last_checked on "


def test_nothing_open_or_upcoming_and_nothing_checked_for_90_days_is_one_warning(tmp_path):
    calls, doc = calls_file(
        tmp_path,
        {"id": "a", "opens": "2026-01-01", "closes": "2026-02-01", "checked": "2026-11-22"},
        {"id": "b", "opens": "2026-01-16", "closes": "unknown", "checked": "2026-11-01"},
    )
    found = [p for p in call_freshness_problems(calls, doc, date(2027, 2, 21)) if p.field == "calls"]
    assert found == [
        Problem(
            SHOWN,
            2,
            "calls",
            "no call is open or upcoming on 2027-02-21, and no call was checked in the last 90 days (the newest "
            "check is 2026-11-22)",
            QUIET + "every entry checked",
            Level.WARNING,
        )
    ]
    # checked within 90 days: a quiet calendar, not a stale one
    assert [p for p in call_freshness_problems(calls, doc, date(2027, 2, 20)) if p.field == "calls"] == []


def test_an_open_or_upcoming_call_keeps_the_calendar_warning_away(tmp_path):
    for opens, closes in (("2027-01-01", "2027-12-31"), ("2027-09-01", "2027-10-31")):
        calls, doc = calls_file(tmp_path, {"id": "a", "opens": opens, "closes": closes, "checked": "2026-01-01"})
        assert "calls" not in [p.field for p in call_freshness_problems(calls, doc, date(2027, 6, 1))]


def test_the_deadlines_check_no_longer_says_it_twice():
    from sitekit.checks.deadlines import deadline_problems

    corpus = ROOT / "tests" / "fixtures" / "validator" / "corpus" / "data" / "calls.yml"
    calls, doc = load_calls_document(corpus, SHOWN)
    assert [p for p in deadline_problems(calls, doc, date(2030, 1, 1), 14) if p.field == "calls"] == []
    assert [p.field for p in call_freshness_problems(calls, doc, date(2030, 1, 1)) if p.field == "calls"] == ["calls"]


# --- campaigns ------------------------------------------------------------------------------------------


def campaign(tmp_path: Path, year: int, status: str):
    text = (ROOT / "data" / "campaigns" / "2027.yml").read_text(encoding="utf-8").replace("2027", str(year))
    text = text.replace("status: brouillon", f"status: {status}")
    path = tmp_path / f"{year}.yml"
    path.write_text(text, encoding="utf-8")
    return load_campaign(path, f"data/campaigns/{year}.yml")


def test_a_draft_past_its_october_fails_at_its_status_line(tmp_path):
    draft = campaign(tmp_path, 2026, "brouillon")
    assert campaign_freshness_problems([draft], date(2026, 10, 31), drafts=True) == []
    assert campaign_freshness_problems([draft], date(2026, 11, 1)) == [
        Problem(
            "data/campaigns/2026.yml",
            line_of(tmp_path / "2026.yml", "status: brouillon"),
            "status",
            "the 2026 campaign is still a draft (brouillon) and its October is over",
            "publish it with its dates and sources (status: publie), or set status: archive and say in the summary "
            "what was not found",
        )
    ]
    assert campaign_freshness_problems([campaign(tmp_path, 2026, "archive")], date(2026, 11, 29)) == []


def test_a_draft_is_told_once_as_not_published_unless_the_site_is_a_preview(tmp_path):
    draft = campaign(tmp_path, 2026, "brouillon")
    (note,) = campaign_freshness_problems([draft], date(2026, 9, 15))
    assert note.level is Level.INFO and note.field == "status"
    assert note.line == line_of(tmp_path / "2026.yml", "status: brouillon")
    assert "not published" in note.message and "make preview DATE=2026-10-01" in note.fix
    assert campaign_freshness_problems([draft], date(2026, 9, 15), drafts=True) == []
    assert campaign_freshness_problems([campaign(tmp_path, 2026, "archive")], date(2026, 9, 15)) == []


@pytest.mark.parametrize(
    "today, warned",
    [
        (date(2027, 8, 31), False),
        (date(2027, 9, 1), True),
        (date(2027, 10, 31), True),
        (date(2027, 11, 1), False),  # the coming October is 2028's, and September 2028 has not begun
    ],
)
def test_no_file_for_the_coming_october_once_september_has_begun(tmp_path, today, warned):
    older = campaign(tmp_path, 2026, "archive")
    found = campaign_freshness_problems([older], today)
    assert [(p.path, p.line, p.level) for p in found] == ([("data/campaigns", 0, Level.WARNING)] if warned else [])
    if warned:
        assert found[0].message == "no campaign file for October 2027 (data/campaigns/2027.yml)"
    with_file = campaign_freshness_problems([older, campaign(tmp_path, 2027, "brouillon")], today)
    assert [p for p in with_file if p.path == "data/campaigns"] == []


def test_coming_october():
    assert [coming_october(d) for d in (date(2027, 1, 1), date(2027, 10, 31), date(2027, 11, 1))] == [2027, 2027, 2028]


# --- criteria --------------------------------------------------------------------------------------------


def test_a_criterion_past_its_review_date_warns_then_fails_after_the_grace_period():
    calls = {c.id for c in load_project(ROOT).calls}
    criteria = load_criteria(ROOT / "data" / "criteria.yml", "data/criteria.yml", calls, None)
    due = criteria.criteria[0].review_by
    assert criteria_freshness_problems(criteria, "data/criteria.yml", due) == []
    late = criteria_freshness_problems(criteria, "data/criteria.yml", date.fromordinal(due.toordinal() + 1))
    first = late[0]
    assert first.level is Level.WARNING and first.field == "criteria[0].review_by"
    text = (ROOT / "data" / "criteria.yml").read_text(encoding="utf-8").splitlines()
    assert text[first.line - 1].strip() == f"review_by: {due.isoformat()}"
    assert first.fix.endswith("; this becomes an error after 30 days")
    very_late = criteria_freshness_problems(criteria, "data/criteria.yml", date.fromordinal(due.toordinal() + 31))
    assert {p.level for p in very_late} == {Level.ERROR}
    assert len(very_late) == len(criteria.criteria)


# --- the command line on today's content -----------------------------------------------------------------


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(ROOT), *args])
    out, err = capsys.readouterr()
    return code, out, err


def oldest_call_check() -> date:
    return min(c.last_checked for c in load_project(ROOT).calls)


def test_todays_content_has_no_freshness_error(capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    code, out, _ = run(capsys, "--today", "2026-11-29")
    assert code == 0, out
    assert " error: " not in out


def test_100_days_after_the_oldest_check_warns_and_200_days_fails_naming_calls_lines(capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    oldest = oldest_call_check()
    calls_lines = (ROOT / "data" / "calls.yml").read_text(encoding="utf-8").splitlines()

    def stale(out: str, level: str) -> list[int]:
        lines = []
        for row in out.splitlines():
            if row.startswith("data/calls.yml:") and f": {level}: calls[" in row and ".last_checked: " in row:
                number = int(row.split(":")[1])
                assert calls_lines[number - 1].strip().startswith("last_checked: ")
                lines.append(number)
        return lines

    later = date.fromordinal(oldest.toordinal() + 100).isoformat()
    code, out, _ = run(capsys, "--today", later)
    assert stale(out, "warning") and not stale(out, "error")
    assert " error: " not in out and code == 0

    later = date.fromordinal(oldest.toordinal() + 200).isoformat()
    code, out, _ = run(capsys, "--today", later)
    assert code == 1
    assert len(stale(out, "error")) == len(load_project(ROOT).calls)  # every call is more than 180 days old


def test_thresholds_from_the_command_line(capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    later = date.fromordinal(oldest_call_check().toordinal() + 100).isoformat()
    _, out, _ = run(capsys, "--today", later, "--checked-warn-days", "120")
    assert ".last_checked: call " not in out
    code, out, _ = run(capsys, "--today", later, "--checked-warn-days", "10", "--checked-error-days", "20")
    assert code == 1 and ": error: calls[0].last_checked: " in out
    _, out, _ = run(capsys, "--today", "2026-11-29", "--confirm-months", "12")
    assert "more than 12 months ago" not in out and "months ago" not in out


# --- the reviewer's worklist -------------------------------------------------------------------------------

SOURCES_SCHEMA = json.loads((ROOT / "scripts" / "sources.schema.json").read_text(encoding="utf-8"))


def test_worklist_lists_every_entry_oldest_first_with_its_line():
    project = load_project(ROOT)
    found = entries(project)
    criteria = project.criteria
    expected = (
        len(project.calls)
        + len(criteria.frameworks)
        + len(criteria.axes)
        + len(criteria.criteria)
        + len(project.campaigns)
        + len(project.kits)
    )
    assert len(found) == expected
    assert [e.last_checked for e in found] == sorted(e.last_checked for e in found)
    assert {e.kind for e in found} == {"call", "referentiel", "axis", "criterion", "campaign", "kit"}
    unsourced = {c.id for c in criteria.criteria if not c.sources and not c.confirmed}
    for entry in found:
        # Only an unconfirmed criterion that no source confirms yet has none.
        assert entry.sources or (entry.kind == "criterion" and entry.id in unsourced), entry
        text = (ROOT / entry.path).read_text(encoding="utf-8").splitlines()
        key = "last_review" if entry.kind == "kit" else "last_checked"
        assert text[entry.line - 1].strip() == f"{key}: {entry.last_checked.isoformat()}", entry


def test_sources_option_prints_text_and_json(capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    code, out, err = run(capsys, "--sources", "--today", "2026-11-29")
    assert code == 0 and err == ""
    found = entries(load_project(ROOT))
    assert out.startswith(
        f"{len(found)} entries to re-check against their sources on 2026-11-29, oldest check first\n\n"
    )
    first = found[0]
    block = out.split("\n\n")[1].splitlines()
    assert block[0] == (
        f"{first.last_checked.isoformat()} ({(date(2026, 11, 29) - first.last_checked).days} days) "
        f"{first.kind} {first.id}: {first.title}"
    )
    assert block[1] == f"  {first.path}:{first.line}"
    assert block[2:] == [f"  - {url}" for url in first.sources]

    code, out, _ = run(capsys, "--sources", "--today", "2026-11-29", "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, SOURCES_SCHEMA)
    assert data["today"] == "2026-11-29" and len(data["entries"]) == len(found)
    calls = [e for e in data["entries"] if e["kind"] == "call"]
    assert calls[0]["path"] == "data/calls.yml" and calls[0]["age_days"] >= 0
    assert [e["last_checked"] for e in data["entries"]] == sorted(e["last_checked"] for e in data["entries"])


def test_sources_refuses_the_github_format(capsys):
    code, out, err = run(capsys, "--sources", "--format", "github", "--today", "2026-11-29")
    assert code == 2 and out == ""
    assert err == "validate.py: error: --sources prints text or json, not github\n"
