"""The validator's text output: what was checked first, then the findings by audience (authors, the profile, the
calendar's maintainers); the demo profile's blanks as one line, every finding with --verbose; the same in English."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.checks import cli as validate
from sitekit.checks.overview import overview
from sitekit.checks.report import Audience, Finding, demo_folded, format_text
from sitekit.core.problems import Level, Problem
from sitekit.news.model import read_posts
from sitekit.project import load_project

# A post scheduled for 2027-10-06 (tests/fixtures/news), in both languages.
POST = "actualites/billets/2027-10-06-semaine-des-mots-de-passe"
HEADER = (ROOT / "tests" / "fixtures" / "news" / "scheduled-post-header.md").read_text(encoding="utf-8")

NBSP = "\u00a0"
BLANK = "still « à compléter »"
PROFILE = "data/profile.yml"


def blank(key: str, line: int, level: Level = Level.WARNING) -> Finding:
    problem = Problem(PROFILE, line, key, BLANK, "write the establishment's value", level)
    return Finding(problem, "publish", Audience.PROFILE, True)


def marker(path: str, line: int, key: str, level: Level = Level.WARNING) -> Finding:
    problem = Problem(path, line, f"profile:{key}", f"needs {key}, not filled in yet", f"write it in {PROFILE}", level)
    return Finding(problem, "publish", Audience.PROFILE, True)


def stale_call() -> Finding:
    problem = Problem(
        "data/calls.yml", 11, "calls[0].last_checked", "call 'x' was last checked long ago", "", Level.ERROR
    )
    return Finding(problem, "call-freshness", Audience.CALENDAR)


def typo() -> Finding:
    problem = Problem("docs/index.md", 3, "typography", "space before « : »", "use a non-breaking space", Level.WARNING)
    return Finding(problem, "editorial", Audience.AUTHORS)


def write_post(docs: Path, name: str = POST, header: str = HEADER) -> None:
    for suffix in (".md", ".en.md"):
        (docs / f"{name}{suffix}").write_text(header + "Texte.\n", encoding="utf-8")


DEMO = [
    blank("establishment.name", 49),
    blank("contacts.dpo.email", 80),
    marker("docs/incident.md", 39, "contacts.dpo"),
    marker("docs/incident.en.md", 39, "contacts.dpo"),
    marker("kits/hameconnage/affiche.fr.md", 10, "establishment.name"),
]


def test_the_demo_profiles_blanks_are_one_line_saying_how_to_list_them():
    folded = demo_folded([*DEMO, stale_call()], "validate.py --verbose")
    assert [f.problem for f in folded if f.check == "call-freshness"] == [stale_call().problem]
    [line] = [f for f in folded if f.audience is Audience.PROFILE]
    assert line.text("en") == (
        "data/profile.yml: warning: the demo profile: 2 values are still « à compléter », needed in 3 places of the "
        "pages and kits (fill in your establishment's profile (guide: Making the kit your own); to list them one by "
        "one: validate.py --verbose)"
    )
    assert line.text("fr") == (
        f"data/profile.yml: avertissement: profil de démonstration{NBSP}: 2 valeurs encore «{NBSP}à compléter{NBSP}», "
        f"demandées à 3 endroits des pages et des kits (remplissez le profil de votre établissement (guide{NBSP}: "
        f"«{NBSP}Adapter le kit à votre établissement{NBSP}»){NBSP}; pour les lister une à une{NBSP}: validate.py "
        "--verbose)"
    )


def test_a_profile_that_names_its_establishment_keeps_each_blank():
    findings = [blank("contacts.dpo.email", 80), marker("docs/incident.md", 39, "contacts.dpo")]
    assert demo_folded(findings) == findings


def test_blanks_that_stop_publication_are_each_shown():
    """With --publish a blank is an error: each one is named, with its line."""
    findings = [blank("establishment.name", 49, Level.ERROR), marker("docs/incident.md", 39, "x", Level.ERROR)]
    assert demo_folded(findings) == findings
    out = format_text(findings, "en")
    assert "data/profile.yml:49: error: establishment.name: still « à compléter »" in out
    assert "docs/incident.md:39: error: profile:x: needs x" in out


def test_sections_in_order_with_their_headings_and_the_totals_of_every_finding():
    out = format_text([stale_call(), *DEMO, typo()], "en")
    blocks = out.rstrip("\n").split("\n\n")
    assert [b.splitlines()[0].split(":")[0] for b in blocks] == [
        "## To fix in pages, posts, kits and campaigns",
        "docs/index.md",
        "## The establishment's profile",
        "data/profile.yml",
        "## Calendar of calls, campaigns and criteria",
        "data/calls.yml",
        "1 error, 6 warnings in 6 files",  # the folded blanks are counted, as in JSON
    ]


def test_verbose_lists_every_finding():
    out = format_text([*DEMO, typo()], "en", verbose=True)
    assert sum(": warning: " in line for line in out.splitlines()) == 6
    assert "demo profile" not in out


def test_french_headings_and_levels():
    out = format_text([stale_call(), typo()], "fr")
    assert "## À corriger dans les pages, les billets, les kits et les campagnes\n" in out
    assert f"## Calendrier des appels, des campagnes et des critères{NBSP}: pour qui le tient à jour" in out
    assert "data/calls.yml:11: erreur: " in out
    assert out.endswith("\n\n1 erreur, 1 avertissement dans 2 fichiers\n")


# --- what was checked --------------------------------------------------------------------------


def test_the_overview_confirms_each_scheduled_post_with_its_day(project):
    write_post(project / "docs")
    later = HEADER.replace("2027-10-06", "2027-12-01").replace("La semaine", "Le mois")
    write_post(project / "docs", name="actualites/billets/2027-12-01-le-mois", header=later)
    loaded = load_project(project)
    posts, _ = read_posts(project / "docs", loaded.authors)
    before = overview(date(2027, 10, 5), [], posts, len(loaded.kits), loaded.calls)
    assert [(p.day, p.path) for p in before.scheduled] == [
        (date(2027, 10, 6), f"docs/{POST}.md"),
        (date(2027, 12, 1), "docs/actualites/billets/2027-12-01-le-mois.md"),
    ]
    text = before.text("fr").splitlines()
    assert text[0] == f"Vérification du 5 octobre 2027{NBSP}:"
    published = len({p.slug for p in posts}) - 2
    assert text[2:5] == [
        f"- billets{NBSP}: {published} publiés, 2 programmés{NBSP}:",
        f"  - le 6 octobre 2027{NBSP}: «{NBSP}La semaine des mots de passe{NBSP}»",
        f"  - le 1er décembre 2027{NBSP}: «{NBSP}Le mois des mots de passe{NBSP}»",
    ]
    assert f"- kits{NBSP}: {len(loaded.kits)}" in text
    on_the_day = overview(date(2027, 10, 6), [], posts, 0, ()).text("en").splitlines()
    assert on_the_day[2:4] == [
        f"- posts: {published + 1} published, 1 scheduled:",
        "  - 1 December 2027: “Le mois des mots de passe”",  # (the English file of the fixture has the same title)
    ]
    after = overview(date(2027, 12, 1), [], posts, 0, ()).text("fr").splitlines()
    assert after[2] == f"- billets{NBSP}: {published + 2} publiés, aucun programmé"


def test_the_overview_counts_the_built_pages_per_language_and_the_calls_by_status():
    loaded = load_project(ROOT)
    files = ["index.html", "appels/index.html", "en/index.html", "assets/app.js", "en/appels/x.ics"]
    counted = overview(date(2026, 12, 7), [], [], 0, loaded.calls, files, "site/")
    assert counted.pages == (("fr", 2), ("en", 1)) and counted.pages_from == "site"
    assert counted.text("fr").splitlines()[1] == f"- pages{NBSP}: 2 en français, 1 en anglais (site/)"
    first = min((c for c in loaded.calls if c.opens is not None and c.override is None), key=lambda c: c.opens)
    assert first.opens is not None
    before = overview(first.opens - timedelta(days=1), [], [], 0, [first])
    assert (before.calls_upcoming, before.calls_open + before.calls_to_confirm) == (1, 0)
    on_the_day = overview(first.opens, [], [], 0, [first])
    assert (on_the_day.calls_upcoming, on_the_day.calls_open + on_the_day.calls_to_confirm) == (0, 1)


# --- the command line -----------------------------------------------------------------------------


@pytest.fixture
def french(monkeypatch):
    monkeypatch.delenv("SITEKIT_LANG")
    monkeypatch.delenv("SITEKIT_PROFILE", raising=False)
    monkeypatch.delenv("SITE_PROFILE", raising=False)


def test_the_demo_prints_its_blanks_as_one_line_and_lists_them_with_verbose(project, capsys, french):
    write_post(project / "docs")
    code = validate.main(["--root", str(project), "--today", "2026-11-29"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith(f"Vérification du 29 novembre 2026{NBSP}:\n- pages{NBSP}: ")
    assert f"  - le 6 octobre 2027{NBSP}: «{NBSP}La semaine des mots de passe{NBSP}»\n" in out
    assert "pas encore rempli" not in out and f"encore «{NBSP}à compléter{NBSP}» (" not in out
    [line] = [line for line in out.splitlines() if "profil de démonstration" in line]
    assert line.startswith(f"data/profile.yml: avertissement: profil de démonstration{NBSP}: ")
    assert line.endswith(f"{NBSP}: .venv/bin/python scripts/validate.py --root {project} --today 2026-11-29 --verbose)")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[-2:] == [
        "## Profil de l’établissement",
        f"## Calendrier des appels, des campagnes et des critères{NBSP}: pour qui le tient à jour (revue mensuelle)",
    ]
    totals = out.rstrip().splitlines()[-1]

    code = validate.main(["--root", str(project), "--today", "2026-11-29", "--verbose"])
    verbose = capsys.readouterr().out
    assert code == 0 and "profil de démonstration" not in verbose
    assert f"data/profile.yml:49: avertissement: establishment.name: encore «{NBSP}à compléter{NBSP}»" in verbose
    assert "docs/incident.md:34: avertissement: profile:establishment.name: a besoin de " in verbose
    assert verbose.rstrip().splitlines()[-1] == totals  # the same findings, each one shown


def test_the_json_output_keeps_every_finding_with_its_audience(project, capsys, french):
    validate.main(["--root", str(project), "--today", "2026-11-29", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    profile = [p for p in data["problems"] if p["audience"] == "profile"]
    assert len(profile) > 20  # each blank, none folded
    assert {p["check"] for p in data["problems"] if p["audience"] == "calendar"} <= {
        "deadlines",
        "call-freshness",
        "campaign-freshness",
        "criteria-freshness",
    }
    assert data["summary"]["warnings"] == sum(p["level"] == "warning" for p in data["problems"])
