"""The publishing flow of a communication team, without a build: scheduled posts checked now, what is held back
until their day, a preview of another day, a new campaign year, check dates not in the future, kit versions,
MkDocs' link warnings told again, and messages in French by default."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, refused
from sitekit.campaigns.model import load_campaign
from sitekit.campaigns.new import campaign_text
from sitekit.campaigns.new import main as new_campaign
from sitekit.checks import cli as validate
from sitekit.core.today import clock_today
from sitekit.kits.versions import fingerprint, record, version_problems
from sitekit.kits.versions import main as kits_versions
from sitekit.mkdocs.buildlog import link_problem, retell
from sitekit.news.model import read_posts
from sitekit.news.schedule import scheduled_files
from sitekit.project import load_project

POST = "actualites/billets/2027-10-06-semaine-des-mots-de-passe"
# The front matter of a post scheduled for 2027-10-06, and the blank line after it.
HEADER = (ROOT / "tests" / "fixtures" / "news" / "scheduled-post-header.md").read_text(encoding="utf-8")


def write_post(docs: Path, body: str, name: str = POST, header: str = HEADER) -> Path:
    for suffix in (".md", ".en.md"):
        path = docs / f"{name}{suffix}"
        path.write_text(header + body, encoding="utf-8")
    return docs / f"{name}.md"


def check(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, list[str]]:
    code = validate.main(["--root", str(root), "--today", "2026-11-29", "--lang", "en", *args])
    out = capsys.readouterr().out
    return code, out.splitlines()


# --- scheduled content checked now ----------------------------------------------------------------


def test_a_scheduled_post_with_broken_links_fails_today_with_its_file_line_and_date(project, capsys):
    docs = project / "docs"
    write_post(
        docs,
        "Le kit [Mots de passe](../kits/fiches/mots-de-passe.md) est prêt.\n\n"  # line 8: one ../ missing
        "Le bon lien : [le kit](../../kits/fiches/mots-de-passe.md).\n\n"
        "![Affiche de la semaine](../assets/images/affiche.png)\n\n"  # line 12: the old guide's image path
        "Voir [la page](../../bonnes-pratiques.md#nexiste-pas) et [l’incident](../../incident.html).\n",
    )
    code, lines = check(capsys, project)
    assert code == 1
    shown = f"docs/{POST}.md"
    mine = [line for line in lines if line.startswith(f"{shown}:") and ": link: " in line]
    assert mine == [
        f"{shown}:8: error: link: scheduled for 2027-10-06: link '../kits/fiches/mots-de-passe.md': "
        "docs/actualites/kits/fiches/mots-de-passe.md does not exist (write the path from the post's folder: ../../ "
        "goes up to docs/ (a kit page is ../../kits/fiches/<kit>.md, an image kept beside the post is <post file "
        "name without .md>/<image>.png))",
        f"{shown}:12: error: link: scheduled for 2027-10-06: link '../assets/images/affiche.png': "
        "docs/actualites/assets/images/affiche.png does not exist (write the path from the post's folder: ../../ "
        "goes up to docs/ (a kit page is ../../kits/fiches/<kit>.md, an image kept beside the post is <post file "
        "name without .md>/<image>.png))",
        f"{shown}:14: error: link: scheduled for 2027-10-06: anchor '../../bonnes-pratiques.md#nexiste-pas': no "
        "heading #nexiste-pas on docs/bonnes-pratiques.md (use the anchor of a heading of that page (the ¶ sign "
        "beside the heading shows it))",
        f"{shown}:14: error: link: scheduled for 2027-10-06: link '../../incident.html' to a built page (link to its "
        "Markdown file instead: ../../incident.md)",
    ]


def test_a_scheduled_post_written_as_the_guide_says_has_no_problem(project, capsys):
    docs = project / "docs"
    folder = docs / POST
    folder.mkdir()
    (folder / "affiche.svg").write_bytes((ROOT / "examples" / "profiles" / "hopital.svg").read_bytes())
    write_post(
        docs,
        "Le kit [Mots de passe](../../kits/fiches/mots-de-passe.md) est prêt, la "
        "[section](../../bonnes-pratiques.md#authentification-multifacteur) aussi.\n\n"
        "![Affiche de la semaine](2027-10-06-semaine-des-mots-de-passe/affiche.svg)\n\n"
        "Un [ancien billet](2025-10-13-signaler-un-incident-cert-sante.md).\n",
    )
    english = docs / f"{POST}.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("#authentification-multifacteur", "#multi-factor-authentication")
    )
    _, lines = check(capsys, project)
    assert [line for line in lines if "semaine-des-mots-de-passe" in line] == []
    english.write_text(
        english.read_text(encoding="utf-8").replace("#multi-factor-authentication", "#authentification-multifacteur")
    )
    _, lines = check(capsys, project)
    # The English page's anchors come from its own headings: the file named is the one that lacks the anchor, and
    # the fix offers its heading at the same place as the French one.
    assert [line for line in lines if "semaine-des-mots-de-passe" in line] == [
        f"docs/{POST}.en.md:8: error: link: scheduled for 2027-10-06: anchor "
        "'../../bonnes-pratiques.md#authentification-multifacteur': no heading #authentification-multifacteur on "
        "docs/bonnes-pratiques.en.md (#authentification-multifacteur is a heading of docs/bonnes-pratiques.md, the "
        "page in another language) (write #multi-factor-authentication instead: the anchor of its heading "
        "« Multi-factor authentication »)"
    ]


def test_a_scheduled_post_linking_a_post_published_later_is_reported(project, capsys):
    docs = project / "docs"
    later = "actualites/billets/2027-11-02-bilan"
    write_post(docs, "Texte.\n", name=later, header=HEADER.replace("2027-10-06", "2027-11-02"))
    write_post(docs, "Voir [le bilan](2027-11-02-bilan.md).\n")
    _, lines = check(capsys, project)
    assert (
        f"docs/{POST}.md:8: error: link: scheduled for 2027-10-06: link '2027-11-02-bilan.md': the post "
        "2027-11-02-bilan is published only on 2027-11-02, after 2027-10-06 (move one of the two dates, or link it "
        "from a post published on that day or later)"
    ) in lines


def test_the_problems_of_a_scheduled_post_are_french_by_default(project, capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_LANG")
    write_post(project / "docs", "Le kit [Mots de passe](../kits/fiches/mots-de-passe.md).\n")
    validate.main(["--root", str(project), "--today", "2026-11-29"])
    out = capsys.readouterr().out
    assert (
        f"docs/{POST}.md:8: erreur: lien: programmé pour le 2027-10-06\u00a0: lien '../kits/fiches/mots-de-passe.md'"
        "\u00a0: docs/actualites/kits/fiches/mots-de-passe.md n’existe pas (écrivez le chemin depuis le dossier du "
        "billet\u00a0: ../../ remonte jusqu’à docs/"
    ) in out
    assert out.rstrip().splitlines()[-1].endswith(" fichiers")  # « 3 erreurs, 86 avertissements dans 40 fichiers »


def test_a_campaign_item_is_checked_whatever_its_date(project):
    campaign = project / "data" / "campaigns" / "2027.yml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("kit: exercice-crise", "kit: exercice"))
    problems = load_project(project).problems
    assert [(p.path, p.field, p.message) for p in problems] == [
        ("data/campaigns/2027.yml", "weeks[2].items[0].kit", "unknown kit 'exercice'")
    ]


# --- held back until their day --------------------------------------------------------------------


def test_a_scheduled_posts_images_are_held_back_until_its_day(project):
    docs = project / "docs"
    (docs / POST).mkdir()
    (docs / POST / "affiche.png").write_bytes(b"png")
    (docs / "assets" / "images" / "seulement-ce-billet.png").write_bytes(b"png")
    write_post(
        docs,
        "![Affiche](2027-10-06-semaine-des-mots-de-passe/affiche.png)\n\n"
        "![Autre](../../assets/images/seulement-ce-billet.png)\n\n![Logo](../../assets/images/logo.svg)\n",
    )
    (docs / "incident.md").write_text(
        (docs / "incident.md").read_text(encoding="utf-8") + "\n![Logo](assets/images/logo.svg)\n", encoding="utf-8"
    )
    authors = load_project(project).authors
    posts, _ = read_posts(docs, authors)
    held = scheduled_files(docs, posts, date(2026, 11, 29))
    assert {f for f in held if "2027-10-06" in f or "seulement" in f} == {
        f"{POST}.md",
        f"{POST}.en.md",
        f"{POST}/affiche.png",
        "assets/images/seulement-ce-billet.png",
    }
    assert "assets/images/logo.svg" not in held  # a published page uses it too
    assert not {f for f in scheduled_files(docs, posts, date(2027, 10, 6)) if "2027-10-06" in f}


# --- a preview of another day -----------------------------------------------------------------------


def test_a_preview_shows_what_only_the_date_makes_stale_as_information(capsys):
    code = validate.main(["--root", str(ROOT), "--today", "2027-10-06", "--preview", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    by_check = {(p["check"], p["level"]) for p in data["problems"]}
    assert ("freshness", "info") in by_check and ("criteria-freshness", "info") in by_check
    assert not {check for check, level in by_check if level == "error"}
    assert data["summary"]["notes"] > 30
    validate.main(["--root", str(ROOT), "--today", "2027-10-06", "--format", "json"])
    without = json.loads(capsys.readouterr().out)
    assert without["summary"]["errors"] > 30  # what `SITEKIT_TODAY=2027-10-06 make build` used to stop on


# --- a new campaign year ----------------------------------------------------------------------------


def test_a_new_campaign_year_is_a_draft_checked_today_with_no_date_of_another_year(tmp_path, capsys):
    for part in ("data", "kits", "templates"):
        (tmp_path / part).mkdir()
    (tmp_path / "templates" / "campaign.yml").write_text(
        (ROOT / "templates" / "campaign.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "kits" / "cybermois").mkdir()
    (tmp_path / "kits" / "cybermois" / "kit.yml").write_text("id: cybermois\n", encoding="utf-8")
    assert new_campaign(["2028", "--root", str(tmp_path), "--today", "2026-11-29", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith(
        "data/campaigns/2028.yml créé\u00a0: un brouillon (status: brouillon), dates inconnues, vérifié le 2026-11-29"
    )
    written = tmp_path / "data" / "campaigns" / "2028.yml"
    campaign = load_campaign(written, "data/campaigns/2028.yml", {"cybermois"})
    assert (campaign.year, campaign.status.value, campaign.last_checked) == (2028, "brouillon", date(2026, 11, 29))
    assert campaign.starts is campaign.ends is None
    assert all(w.starts is None and all(i.date is None for i in w.items) for w in campaign.weeks)
    text = written.read_text(encoding="utf-8")
    assert "AAAA" not in text and "2027" not in text and "Template" not in text
    assert new_campaign(["2028", "--root", str(tmp_path), "--lang", "en"]) == 1  # never overwritten
    assert capsys.readouterr().err == (
        "data/campaigns/2028.yml already exists: nothing was written, your file is kept as it is (add the year's "
        "actions to it; to prepare the year after: make campaign YEAR=2029)\n"
    )
    assert written.read_text(encoding="utf-8") == text  # the work kept


def test_the_campaign_template_fills_only_the_year_and_the_check():
    text = campaign_text("# how to use me\nyear: AAAA\nlast_checked: AAAA-MM-JJ\n", 2031, date(2030, 12, 1))
    assert text.endswith("year: 2031\nlast_checked: 2030-12-01\n")
    assert "how to use me" not in text


# --- a check date cannot be in the future ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("data/calls.yml", "last_checked: 2026-11-29"),
        ("data/campaigns/2027.yml", "last_checked: 2026-11-29"),
        ("data/criteria.yml", "last_checked: 2026-11-29"),
        ("kits/hameconnage/kit.yml", "last_review: "),
    ],
)
def test_a_check_date_in_the_future_is_refused_everywhere(project, path, key):
    file = project / path
    text = file.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(key.strip()))
    field = key.split(":")[0]
    lines = text.splitlines()
    lines[line - 1] = lines[line - 1].split(":")[0] + ": 2999-01-01"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [p for p in load_project(project).problems if p.path == path and p.line == line]
    assert [(p.field.rsplit(".", 1)[-1], p.message) for p in found] == [
        (field, "2999-01-01 is in the future: a check cannot have been made yet")
    ]
    assert found[0].fix.startswith(f"write the day the sources were checked (today at the latest, {clock_today()})")


# --- kit versions -------------------------------------------------------------------------------------


def test_a_kit_whose_sources_changed_without_a_new_version_is_reported(project):
    kits = load_project(project).kits
    assert version_problems(kits, project) == []  # the shipped kits/versions.yml is up to date
    current = next(k.version for k in kits if k.id == "hameconnage")
    major, minor, _ = current.split(".")
    raised = f"{major}.{int(minor) + 1}.0"
    source = project / "kits" / "hameconnage" / "quiz.yml"  # the quiz is one of the kit's sources too
    source.write_text(source.read_text(encoding="utf-8") + "# Une remarque de plus.\n", encoding="utf-8")
    kits = load_project(project).kits
    assert [(p.path, p.line, p.level.value, p.message) for p in version_problems(kits, project)] == [
        (
            "kits/hameconnage/kit.yml",
            3,
            "warning",
            f"the sources of kit 'hameconnage' changed since version {current} was published",
        )
    ]
    kit_yml = project / "kits" / "hameconnage" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8").replace(f'version: "{current}"', f'version: "{raised}"'))
    kits = load_project(project).kits
    assert [p.message for p in version_problems(kits, project)] == [
        f"version {raised} of kit 'hameconnage' is not recorded in kits/versions.yml"
    ]
    lock = record(kits, project)
    assert {current, raised} <= set(lock["hameconnage"])  # the published version's fingerprint is kept
    assert version_problems(load_project(project).kits, project) == []


def test_a_kit_fingerprint_ignores_its_review_date_and_line_endings(project):
    kit_yml = project / "kits" / "mots-de-passe" / "kit.yml"
    before = fingerprint(next(k for k in load_project(project).kits if k.id == "mots-de-passe"))
    text = kit_yml.read_text(encoding="utf-8")
    kit_yml.write_text(text.replace("last_review:", "last_review: 2026-11-28 #", 1).replace("\n", "\r\n"))
    source = project / "kits" / "mots-de-passe" / "memo.fr.md"
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    after = fingerprint(next(k for k in load_project(project).kits if k.id == "mots-de-passe"))
    assert after == before


def test_make_kits_versions_records_the_kits_and_names_a_broken_one(project, capsys):
    lock = project / "kits" / "versions.yml"
    shipped = lock.read_text(encoding="utf-8")
    lock.write_text(shipped.replace("hameconnage:", "hameconnage-old:"), encoding="utf-8")
    assert kits_versions(["--root", str(project), "--lang", "en"]) == 0
    assert "kit 'hameconnage': version " in capsys.readouterr().out
    assert "\nhameconnage:\n" in lock.read_text(encoding="utf-8")
    lock.write_text(shipped, encoding="utf-8")
    assert kits_versions(["--root", str(project), "--lang", "en"]) == 0
    assert lock.read_text(encoding="utf-8") == shipped  # the shipped lock records every current version
    kit_yml = project / "kits" / "hameconnage" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8").replace("version:", "versio:", 1), encoding="utf-8")
    assert kits_versions(["--root", str(project), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "kits/hameconnage/kit.yml:" in err
    assert "Traceback" not in err


# --- MkDocs' link warnings told again --------------------------------------------------------------


def test_a_mkdocs_link_warning_is_told_with_the_line_and_the_fix(tmp_path):
    (tmp_path / "incident.md").write_text("# Incident\n\nVoir [la page absente](absente.md).\n", encoding="utf-8")
    warning = (
        "Doc file 'incident.md' contains a link 'absente.md', but the target is not found among documentation files."
    )
    problem = link_problem(warning, tmp_path)
    assert problem is not None
    assert (problem.path, problem.line, problem.field) == ("docs/incident.md", 3, "link")
    told = retell(warning, tmp_path, "fr")
    assert told.startswith(
        "docs/incident.md:3: lien: le lien 'absente.md' ne mène nulle part\u00a0: 'absente.md' n’est ni une page ni "
        "un fichier du site (écrivez le chemin depuis le dossier de cette page"
    )
    assert told.endswith(f"\n  (MkDocs: {warning})")
    suggested = warning.replace("files.", "files. Did you mean 'incident.md'?")
    assert link_problem(suggested, tmp_path).fix.startswith("did you mean incident.md? write the path")  # type: ignore[union-attr]
    assert retell("Documentation built in 3.2 seconds", tmp_path, "fr") == "Documentation built in 3.2 seconds"


def test_an_invalid_message_language_is_a_usage_error(capsys):
    assert validate.main(["--root", str(ROOT), "--lang", "de"]) == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_a_data_file_problem_is_french_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("SITEKIT_LANG")
    text = "year: 2027\ntitle:\n  fr: Semaine 1 : lancement\n  en: Week 1\n"
    assert str(refused(load_campaign, tmp_path / "2027.yml", text, "data/campaigns/2027.yml")) == (
        "data/campaigns/2027.yml:3: un deux-points suivi d’une espace dans un texte (mettez tout le texte entre "
        'guillemets droits\u00a0: fr: "Semaine 1 : lancement")'
    )


# --- nothing left to complete in the data -----------------------------------------------------------


def test_a_placeholder_left_in_a_campaign_file_keeps_the_site_from_going_live(project):
    from sitekit.checks.publish import publish_problems

    campaign = project / "data" / "campaigns" / "2027.yml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("fr: Annonce du Cybermois 2027", "fr: Annonce à compléter"), encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "fr: Annonce du Cybermois 2027" in t)
    found = [
        (p.path, p.line, p.message)
        for p in publish_problems(load_project(project), [], project, publish=True)
        if p.path.startswith("data/")
    ]
    assert ("data/campaigns/2027.yml", line, "placeholder left: « à compléter »") in found
