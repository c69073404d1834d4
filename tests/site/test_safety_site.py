"""Safe by construction, in built sites: the policy of every page, no template source published, head metadata
intact with quotes; hostile input in a project copy either stops the build (file, line, no traceback) or
builds pages where it is inert text, with ICS, JSON and feeds still valid."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_html_validity import vnu_errors

from conftest import build_project
from sitekit.core.typography import french_text
from sitekit.site.csp import inline_scripts, script_hash


def test_template_sources_are_not_published(site):
    assert not (site / "partials").exists()
    assert not list(site.rglob("archive-*"))


def test_every_page_allows_exactly_its_own_inline_scripts(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 90
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = HTMLParser(html).css('meta[http-equiv="Content-Security-Policy"]')
        assert len(meta) == 1, page
        directives = dict(part.split(" ", 1) for part in meta[0].attributes["content"].split("; "))
        script_src = directives["script-src"].split()
        assert script_src[0] == "'self'" and "'unsafe-inline'" not in script_src, page
        assert set(script_src[1:]) == {script_hash(s) for s in inline_scripts(html)}, page
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), page


def test_quotes_in_a_description_stay_inside_the_meta_tag(site):
    """The English kit summary has straight quotes ("downtime procedures"): they cut the meta tag short before."""
    html = (site / "en" / "kits" / "fiches" / "sauvegardes-pca-pra.html").read_text(encoding="utf-8")
    metas = HTMLParser(html).css('head meta[name="description"]')
    assert [m.attributes["content"] for m in metas] == [
        'Prepare the continuity of care when the information system goes down: a "downtime procedures" reflex sheet '
        "for units, a poster and a presentation outline for management and IT teams."
    ]


# --- hostile input in a copy of the project ------------------------------------------------------------

TITLE = 'Appel "test" & O\'Brien <1> *gras* _souligné_ [lien] {: .x} :smile: {n} \\ fin'
DESCRIPTION = "Le \"mode dégradé\" … & <5> 'guillemets'"
FOOTER = 'Mentions "légales" & <1>'


CALL_TITLE = 'fr: "Domaine 2 \u00ab'  # the French title of d2-candidature in data/calls.yml


def replace_once(path, old: str, new: str) -> None:
    """Replace the one line that starts (after its indentation) with `old` by `new`, indentation kept."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = [i for i, line in enumerate(lines) if line.lstrip().startswith(old)]
    assert len(found) == 1, (path, old)
    line = lines[found[0]]
    lines[found[0]] = line[: len(line) - len(line.lstrip())] + new
    path.write_text("\n".join(lines), encoding="utf-8")


def test_ordinary_but_tricky_text_builds_inert_with_head_metadata_intact(project):
    replace_once(
        project / "data" / "calls.yml",
        CALL_TITLE,
        f"fr: {json.dumps(TITLE, ensure_ascii=False)}",
    )
    replace_once(
        project / "docs" / "incident.md",
        'description: "Les réflexes de la première heure',
        f"description: {json.dumps(DESCRIPTION, ensure_ascii=False)}",
    )
    replace_once(
        project / "data" / "strings.yml", "fr: Mentions légales", f"fr: {json.dumps(FOOTER, ensure_ascii=False)}"
    )
    replace_once(
        project / "data" / "strings.yml", "fr: Menu de navigation", f"fr: {json.dumps(FOOTER, ensure_ascii=False)}"
    )
    code, output = build_project(project)
    assert code == 0, output
    site = project / "site"
    home = HTMLParser((site / "index.html").read_text(encoding="utf-8"))
    assert home.css_first('meta[name="drawer-label"]').attributes["content"] == FOOTER
    assert home.css_first(".site-footer-links a").text() == FOOTER

    call = HTMLParser((site / "appels" / "fiches" / "d2-candidature.html").read_text(encoding="utf-8"))
    french = french_text(TITLE)  # as the French pages and exports publish it (O’Brien)
    assert call.css_first("head title").text() == f"{french} - Cybersécurité en santé"
    assert " ".join(call.css_first("article h1").text().split()) == " ".join(french.split())
    assert not call.css("article script, article em, article strong.x, article img.twemoji, article svg")
    page = HTMLParser((site / "incident.html").read_text(encoding="utf-8"))
    assert [m.attributes["content"] for m in page.css('head meta[name="description"]')] == [DESCRIPTION]

    record = json.loads((site / "appels" / "calls.json").read_text(encoding="utf-8"))
    assert [c["title"]["fr"] for c in record["calls"] if c["id"] == "d2-candidature"] == [french]
    events = Calendar.from_ical((site / "appels" / "d2-candidature.ics").read_bytes()).walk("VEVENT")
    assert any(french in str(event["SUMMARY"]) for event in events)
    ET.fromstring((site / "actualites" / "feed.xml").read_bytes())

    own = [e for e in vnu_errors(site) if e.theme_reason() is None]
    assert [str(e) for e in own] == []


@pytest.mark.parametrize(
    "path, old, new, message",
    [
        (
            "docs/incident.md",
            "title: En cas d’incident",
            "title: En cas d’incident\nkeywords: '\"><script>alert(1)</script>'",
            None,  # a key the theme never prints: builds (see the test below for title and description)
        ),
        (
            "docs/incident.md",
            "description:",
            "description: '\"><script>alert(1)</script> Les réflexes'",
            "docs/incident.md:3: description: contains HTML markup: '<script>' "
            "(write plain text: tags are shown as written, not interpreted)",
        ),
        (
            "docs/incident.md",
            "title: En cas d’incident",
            "title: &t En cas d’incident\nkeywords: *t",
            "docs/incident.md:2: YAML anchor &t is not allowed",
        ),
        (
            "data/calls.yml",
            CALL_TITLE,
            'fr: "Domaine 2 <script>alert(1)</script>"',
            "data/calls.yml:{line}: calls[{index}].title.fr: contains HTML markup: '<script>'",
        ),
    ],
)
def test_hostile_input_stops_the_build_with_file_and_line(project, path, old, new, message):
    lines = (project / path).read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.lstrip().startswith(old))
    index = sum(1 for text in lines[:line] if text.startswith("  - id:")) - 1
    message = message and message.format(line=line, index=index)
    replace_once(project / path, old, new)
    code, output = build_project(project)
    assert "Traceback" not in output
    if message is None:
        assert code == 0, output
        html = (project / "site" / "incident.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        return
    assert code != 0
    assert message in output


def test_a_page_not_in_utf8_stops_the_build_naming_it(project):
    page = project / "docs" / "incident.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    code, output = build_project(project)
    assert code != 0 and "Traceback" not in output
    assert "docs/incident.md:2: not UTF-8 text (byte 0x92) (save the file as UTF-8)" in output
