"""The themes of the national awareness kit (Cybermalveillance.gouv.fr's, the one a communication team would pick
instead of this one) each have a kit or a page here, in French and English.

Each theme names where it is covered: a kit (kits/<id>/, which the build turns into a catalogue entry, a kit page in
both languages and an archive) or a hand-written page (docs/<name>.md and its English translation), and the words
that show it is really covered there: in a kit, its French and English sources; in a page, a heading of its own.
A theme whose kit or page is missing, or no longer speaks of it, fails with the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from conftest import ROOT
from sitekit.kits.model import PRINTABLE_ROLES, Lang
from sitekit.project import load_project

PROJECT = load_project(ROOT).require()
KITS = {kit.id: kit for kit in PROJECT.kits}


@dataclass(frozen=True)
class Covered:
    theme: str
    kit: str | None  # a kit id, or None when a page covers the theme
    page: str | None  # a page under docs/ without .md (its English page is <page>.en.md)
    fr: str  # a regular expression (case-insensitive) the French kit sources or page heading hold
    en: str


NATIONAL_THEMES = (
    Covered("passwords", "mots-de-passe", None, r"mot de passe", r"password"),
    # kit reseaux-sociaux-secret (docs/bonnes-pratiques keeps its section « Réseaux sociaux et secret professionnel »)
    Covered("social networks", "reseaux-sociaux-secret", None, r"réseaux sociaux", r"social networks"),
    Covered(
        "mobile devices",
        "appareils-mobiles",
        None,
        r"téléphones? (et|ou) (nos |une )?tablettes?",
        r"phones? (and|or) (a )?tablets?",
    ),
    Covered("backups", "sauvegardes-pca-pra", None, r"sauvegardes?", r"backups?"),
    Covered("updates", "mises-a-jour", None, r"mises? à jour", r"updates?"),
    Covered(
        "personal and professional use",
        "appareils-mobiles",
        None,
        r"usages professionnels et personnels",
        r"work and personal use",
    ),
    Covered("phishing", "hameconnage", None, r"hameçonnage", r"phishing"),
    Covered("ransomware", None, "bonnes-pratiques", r"rançongiciels", r"ransomware"),
    Covered(
        "fake technical support",
        "fraudes-telephone-virement",
        None,
        r"faux support technique",
        r"fake technical support",
    ),
)
# Themes the national kit does not have as such, covered here too (same check).
MORE_THEMES = (
    # kit cles-usb
    Covered("removable media", "cles-usb", None, r"supports? amovibles?", r"removable media"),
)


def kit_text(kit_id: str, lang: str) -> str:
    kit = KITS[kit_id]
    return "\n".join(text for file, text in kit.markdown_texts() if file.lang.value == lang)


def headings(page: str, lang: str) -> list[str]:
    suffix = "" if lang == "fr" else ".en"
    path = ROOT / "docs" / f"{page}{suffix}.md"
    assert path.is_file(), f"docs/{page}{suffix}.md is missing: write it (the theme is covered by that page)"
    return [line.lstrip("#").strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]


def test_the_list_is_the_national_kits_nine_themes():
    assert len({c.theme for c in NATIONAL_THEMES}) == 9
    assert all((c.kit is None) != (c.page is None) for c in NATIONAL_THEMES)


@pytest.mark.parametrize("covered", NATIONAL_THEMES + MORE_THEMES, ids=lambda c: c.theme)
def test_each_national_theme_has_a_kit_or_a_page_in_both_languages(covered):
    for lang in ("fr", "en"):
        words = re.compile(getattr(covered, lang), re.IGNORECASE)
        if covered.kit is not None:
            assert covered.kit in KITS, f"{covered.theme}: no kit kits/{covered.kit}/ (write its kit.yml)"
            kit = KITS[covered.kit]
            printable = [f for f in kit.files if f.lang is Lang(lang) and f.role in PRINTABLE_ROLES]
            assert printable, f"{covered.theme}: kit {kit.id} has no {lang} poster or reflex sheet"
            assert words.search(kit_text(kit.id, lang)), f"{covered.theme}: kit {kit.id} ({lang}) never says it"
        else:
            assert covered.page is not None
            found = [h for h in headings(covered.page, lang) if words.search(h)]
            assert found, f"{covered.theme}: docs/{covered.page} ({lang}) has no heading about it: add a section"


def test_a_theme_without_its_kit_fails():
    """The check can fail: a theme pointing at a kit that does not exist is caught."""
    missing = Covered("imaginary", "kit-qui-n-existe-pas", None, r"x", r"x")
    with pytest.raises(AssertionError, match="no kit kits/kit-qui-n-existe-pas/"):
        test_each_national_theme_has_a_kit_or_a_page_in_both_languages(missing)
