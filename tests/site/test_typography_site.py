"""French typography done by the build, in built sites: a page typed with ordinary spaces is published with the
right non-breaking spaces (code, attributes and URLs as typed, the English page untouched) and draws no typography
warning; the kits' French PDFs carry them in their text; search still finds the words beside the marks."""

from __future__ import annotations

import json
import re
from datetime import date

from icalendar import Calendar
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import FROZEN_TODAY, build_project
from sitekit.checks.editorial import editorial_problems

N, T = "\u00a0", "\u202f"

FRENCH = """---
title: "Quiz&nbsp;: êtes-vous prêts ?"
description: "Trois questions : testez vos réflexes !"
review_by: 2027-05-31
---

# Quiz : êtes-vous prêts ?

Attention : un courriel «urgent» vous demande votre mot de passe ? Ne répondez pas !
En 2025, 50% des 12 000 agents ont suivi la formation n° 3 de l'équipe ; bravo.
Le code `a : b ?` reste tel quel, comme [la page](https://exemple.fr/?q=1 "Aide ?").

![Affiche : trois réflexes face à un courriel suspect](../assets/images/logo.svg)
"""

ENGLISH = """---
title: "Quiz: are you ready?"
description: "Three questions: test your reflexes!"
review_by: 2027-05-31
---

# Quiz: are you ready ?

Beware : an "urgent" e-mail asks for your password ? Do not answer !
"""


def test_a_french_page_typed_with_ordinary_spaces_is_published_right_and_draws_no_warning(project):
    (project / "docs" / "essai").mkdir()
    (project / "docs" / "essai" / "quiz.md").write_text(FRENCH, encoding="utf-8")
    (project / "docs" / "essai" / "quiz.en.md").write_text(ENGLISH, encoding="utf-8")
    code, output = build_project(project)
    assert code == 0, output

    html = (project / "site" / "essai" / "quiz.html").read_text(encoding="utf-8")
    page = HTMLParser(html)
    assert page.css_first("head title").text().startswith(f"Quiz{N}: êtes-vous prêts{T}?")
    assert page.css_first("article h1").text().startswith(f"Quiz{N}: êtes-vous prêts{T}?")
    assert [m.attributes["content"] for m in page.css('head meta[name="description"]')] == [
        f"Trois questions{N}: testez vos réflexes{T}!"
    ]
    text = page.css_first("article").text()
    assert f"Attention{N}: un courriel «{T}urgent{T}» vous demande votre mot de passe{T}? Ne répondez pas{T}!" in text
    assert f"En 2025, 50{N}% des 12{T}000 agents ont suivi la formation n°{N}3 de l’équipe{T}; bravo." in text
    assert page.css_first("article p code").text() == "a : b ?"  # code as typed
    link = page.css_first('article a[href^="https://exemple.fr"]')
    assert (link.attributes["href"], link.attributes["title"]) == ("https://exemple.fr/?q=1", "Aide ?")
    assert page.css_first("article img").attributes["alt"] == "Affiche : trois réflexes face à un courriel suspect"

    english = (project / "site" / "en" / "essai" / "quiz.html").read_text(encoding="utf-8")
    assert T not in english
    assert 'Beware : an "urgent" e-mail asks for your password ? Do not answer !' in english

    # search reads the words beside the marks as words
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words = {w.lower() for doc in index["docs"] if doc["location"].startswith("essai/quiz.html") for w in
             separator.split(re.sub("<[^>]+>", " ", doc["text"] + " " + doc["title"]))}  # fmt: skip
    assert {"quiz", "prêts", "attention", "passe", "pas", "urgent", "équipe", "bravo"} <= words

    problems = editorial_problems(project / "docs", project, date.fromisoformat(FROZEN_TODAY))
    assert [str(p) for p in problems if p.path.startswith("docs/essai/")] == []


def test_the_kits_french_pdfs_carry_the_spaces_and_the_english_ones_none(site):
    folder = site / "kits" / "telechargements" / "hameconnage"
    french = "".join(page.extract_text() for page in PdfReader(folder / "affiche.fr.a4.pdf").pages)
    assert f"prétend être{T}?" in french and f"un gain{T}?" in french
    assert not re.search(r"\w [?;!]", french)  # no ordinary space before a tall mark left
    english = "".join(page.extract_text() for page in PdfReader(folder / "affiche.en.a4.pdf").pages)
    assert T not in english


def test_french_exports_are_typeset_english_ones_not(site):
    """data/calls.yml types no-break spaces (U+00A0) inside « »: the French exports publish the narrow ones."""
    summaries = [
        str(e["SUMMARY"]) for e in Calendar.from_ical((site / "appels" / "calls.ics").read_bytes()).walk("VEVENT")
    ]
    assert any(
        f"Domaine 2 «{T}Stratégie de continuité et de reprise d’activité{T}»{N}: candidatures" in s for s in summaries
    )
    record = json.loads((site / "appels" / "calls.json").read_text(encoding="utf-8"))
    titles = {c["id"]: c["title"] for c in record["calls"]}
    assert titles["d2-candidature"]["fr"].startswith(f"Domaine 2 «{T}Stratégie")
    english = (site / "en" / "appels" / "calls.ics").read_text(encoding="utf-8")
    assert T not in english
