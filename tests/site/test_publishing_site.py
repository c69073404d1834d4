"""The publishing flow in built sites: nothing of a scheduled post before its day and all of it on its day, the
guide's table of messages made from the catalogue, MkDocs' link warnings told again in French."""

from __future__ import annotations

import json

from conftest import ROOT, build_project, run_mkdocs_build
from sitekit.i18n.messages import catalogue

POST = "actualites/billets/2027-10-06-semaine-des-mots-de-passe"
MESSAGES_PAGE = "guide/messages-de-verification.html"  # the guide's page with the table of messages
BODY = (ROOT / "tests" / "fixtures" / "news" / "scheduled-post-header.md").read_text(encoding="utf-8") + (
    """Le kit [Mots de passe](../../kits/fiches/mots-de-passe.md) est prêt.

![Affiche de la semaine](2027-10-06-semaine-des-mots-de-passe/affiche.svg)

![Logo de la semaine](../../assets/images/semaine-2027.svg)
"""
)


def test_nothing_of_a_scheduled_post_is_published_before_its_day_and_all_of_it_on_its_day(project):
    docs = project / "docs"
    (docs / POST).mkdir()
    logo = (ROOT / "examples" / "profiles" / "hopital.svg").read_bytes()
    (docs / POST / "affiche.svg").write_bytes(logo)
    (docs / "assets" / "images" / "semaine-2027.svg").write_bytes(logo)
    for suffix in (".md", ".en.md"):
        (docs / f"{POST}{suffix}").write_text(BODY, encoding="utf-8")

    code, output = build_project(project)  # the frozen date, 2025-10-20
    assert code == 0, output
    site = project / "site"
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not {f for f in built if "2027-10-06" in f or "semaine-2027" in f}
    for text_file in ("actualites/feed.xml", "en/actualites/feed.xml", "sitemap.xml"):
        assert "semaine-des-mots-de-passe" not in (site / text_file).read_text(encoding="utf-8"), text_file
    for index in ("search/search_index.json", "en/search/search_index.json"):
        entries = json.loads((site / index).read_text(encoding="utf-8"))["docs"]
        assert not [e for e in entries if "2027-10-06" in e["location"] or "La semaine des mots" in e["title"]]

    day = project / "site-on-its-day"
    result = run_mkdocs_build(day, today="2027-10-06", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    for file in (f"{POST}.html", f"en/{POST}.html", f"{POST}/affiche.svg", "assets/images/semaine-2027.svg"):
        assert (day / file).is_file(), file
    page = (day / f"en/{POST}.html").read_text(encoding="utf-8")
    assert 'src="../../../actualites/billets/2027-10-06-semaine-des-mots-de-passe/affiche.svg"' in page
    assert 'href="../../kits/fiches/mots-de-passe.html"' in page
    assert "semaine-des-mots-de-passe" in (day / "actualites" / "feed.xml").read_text(encoding="utf-8")


def test_the_guide_lists_every_message_of_the_catalogue_in_both_languages(site):
    for lang, page in (("fr", MESSAGES_PAGE), ("en", f"en/{MESSAGES_PAGE}")):
        html = (site / page).read_text(encoding="utf-8")
        rows = catalogue().rows(lang)
        assert html.count('<tr id="message-') == len(rows) > 150
        assert "<!-- messages -->" not in html
    french = (site / MESSAGES_PAGE).read_text(encoding="utf-8")
    assert (
        '<tr id="message-yaml.colon-in-text"><td><code>un deux-points suivi d’une espace dans un texte</code></td>'
        "<td>mettez tout le texte entre guillemets droits\u00a0: …<br>"
    ) in french
    assert "data-search-exclude" in french  # a table to look up, kept out of the search index


def test_a_broken_link_stops_the_build_with_its_line_and_fix_in_french(project, monkeypatch):
    monkeypatch.delenv("SITEKIT_LANG")  # the build's default: French
    page = project / "docs" / "incident.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVoir [la page absente](absente.md).\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    code, output = build_project(project)
    assert code != 0
    assert (
        f"docs/incident.md:{line}: lien: le lien 'absente.md' ne mène nulle part\u00a0: 'absente.md' n’est ni une "
        "page ni un fichier du site (écrivez le chemin depuis le dossier de cette page"
    ) in output
    assert "(MkDocs: Doc file 'incident.md' contains a link 'absente.md'" in output
    assert "Traceback" not in output
