"""The establishment's name in French sentences: its article, elided and contracted (sitekit.profile.names), in
interface strings and in pages' profile markers; the profile's article and site name (no build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.checks.publish import publish_problems
from sitekit.core.problems import Level, ProblemsError
from sitekit.i18n.strings import load_strings
from sitekit.profile.model import DEFAULT_PROFILE, load_profile
from sitekit.profile.names import fill_name, with_article
from sitekit.profile.values import NBSP, Renderer, fill
from sitekit.project import load_project

STRINGS = load_strings(ROOT / "data" / "strings.yml")
HOSPITAL = ROOT / "examples" / "profiles" / "hopital.yml"
MEDICO = ROOT / "examples" / "profiles" / "medico-social.yml"
DEMO = load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT)
EXAMPLE = load_profile(HOSPITAL, "examples/profiles/hopital.yml", ROOT)


@pytest.mark.parametrize(
    "name, article, preposition, expected",
    [
        ("Centre hospitalier de Valmont", "le", "par", "par le Centre hospitalier de Valmont"),
        ("CH Valmont", "le", "de", "du CH Valmont"),
        ("CH Valmont", "le", "à", "au CH Valmont"),
        ("CH Valmont", "le", None, "le CH Valmont"),
        ("Maison de santé", "la", "par", "par la Maison de santé"),
        ("Maison de santé", "la", "de", "de la Maison de santé"),
        ("Maison de santé", "la", "à", "à la Maison de santé"),
        ("EHPAD Les Aulnes", "l'", "par", "par l’EHPAD Les Aulnes"),
        ("EHPAD Les Aulnes", "l’", "de", "de l’EHPAD Les Aulnes"),
        ("EHPAD Les Aulnes", "l'", "à", "à l’EHPAD Les Aulnes"),
        ("EHPAD Les Aulnes", "le", "de", "de l’EHPAD Les Aulnes"),  # le and la elide by themselves
        ("Hôpital Saint-Jean", "le", "à", "à l’Hôpital Saint-Jean"),  # before a mute h
        ("Institution Sainte-Anne", "la", None, "l’Institution Sainte-Anne"),
        ("Hôpitaux de Valmont", "les", "par", "par les Hôpitaux de Valmont"),
        ("Hôpitaux de Valmont", "les", "de", "des Hôpitaux de Valmont"),
        ("Hôpitaux de Valmont", "les", "à", "aux Hôpitaux de Valmont"),
        ("Hôpitaux de Valmont", "LES", None, "les Hôpitaux de Valmont"),
        ("Centre hospitalier", None, "par", "par Centre hospitalier"),  # no article given: the name alone
        ("EHPAD Les Aulnes", None, "de", "d’EHPAD Les Aulnes"),
    ],
)
def test_every_article_after_every_preposition(name, article, preposition, expected):
    assert with_article(name, article, preposition) == expected


def test_a_sentence_that_starts_with_the_name_capitalises_its_article():
    assert with_article("CH Valmont", "le", None, capital=True) == "Le CH Valmont"
    assert with_article("EHPAD", "l'", None, capital=True) == "L’EHPAD"
    assert with_article("CH Valmont", "le", "par", capital=True) == "Par le CH Valmont"


def test_an_unknown_preposition_is_a_developers_mistake():
    with pytest.raises(ValueError):
        with_article("CH Valmont", "le", "pour")


def test_interface_strings_get_the_form_their_place_needs():
    intro = "Ce site est publié par {name} pour ses équipes. Les contacts de {name}\u00a0: {name}. {name} répond."
    assert fill_name(intro, "CH Valmont", "le", "fr") == (
        "Ce site est publié par le CH Valmont pour ses équipes. Les contacts du CH Valmont\u00a0: CH Valmont. "
        "Le CH Valmont répond."
    )
    assert fill_name("Logo\u00a0: {name}", "CH Valmont", "le", "fr") == "Logo\u00a0: CH Valmont"  # a label
    assert fill_name("Site published by {name}", "CH Valmont", "le", "en") == "Site published by CH Valmont"
    assert fill_name("Site publié par {name}", "CH Valmont", None, "fr") == "Site publié par CH Valmont"


def test_the_site_strings_print_the_article():
    renderer = Renderer(EXAMPLE, STRINGS, markdown=False)
    assert renderer.name_in(STRINGS.get("footer.publisher", "fr"), "fr") == (
        "Site publié par le Centre hospitalier de Valbrume"
    )
    assert renderer.name_in(STRINGS.get("footer.publisher", "en"), "en") == (
        "Site published by Centre hospitalier de Valbrume"
    )
    medico = Renderer(load_profile(MEDICO, "examples/profiles/medico-social.yml", ROOT), STRINGS, markdown=False)
    assert medico.name_in(STRINGS.get("profile.home.intro", "fr"), "fr").startswith(
        "Ce site est publié par l’EHPAD Les Aulnes de Valbrume pour ses équipes."
    )
    # the demo's name is still to complete: no article before the mark
    demo = Renderer(DEMO, STRINGS, markdown=False)
    assert demo.name_in(STRINGS.get("footer.publisher", "fr"), "fr") == (
        "Site publié par [à compléter dans le profil\u00a0: establishment.name]"
    )


def test_name_markers_in_pages_take_their_article():
    renderer = Renderer(EXAMPLE, STRINGS, markdown=True)
    page = (
        "# Accessibilité\n\n<!-- profile:establishment.name --> s’engage.\n\n"
        "Les contacts de <!-- profile:establishment.short_name -->, à afficher.\n\n"
        "Écrire à <!-- profile:establishment.short_name -->. Édité par <!-- profile:establishment.name -->.\n\n"
        "- Nom de l’organisme\u00a0: <!-- profile:establishment.name -->\n"
    )
    assert fill(page, "docs/x.md", "fr", renderer) == (
        "# Accessibilité\n\nLe Centre hospitalier de Valbrume s’engage.\n\n"
        "Les contacts du CH Valbrume, à afficher.\n\n"
        "Écrire au CH Valbrume. Édité par le Centre hospitalier de Valbrume.\n\n"
        "- Nom de l’organisme\u00a0: Centre hospitalier de Valbrume\n"
    )
    english = "<!-- profile:establishment.name --> is committed. The contacts of <!-- profile:establishment.name -->."
    assert fill(english, "docs/x.en.md", "en", renderer) == (
        "Centre hospitalier de Valbrume is committed. The contacts of Centre hospitalier de Valbrume."
    )


def write_profile(tmp_path: Path, old: str, new: str) -> Path:
    """The hospital example with one line changed (its logo read from the project: load it with root ROOT)."""
    body = HOSPITAL.read_text(encoding="utf-8")
    assert old in body, old
    path = tmp_path / "profile.yml"
    path.write_text(body.replace(old, new), encoding="utf-8")
    return path


def test_an_article_that_is_not_one_is_refused_with_its_line(tmp_path):
    path = write_profile(tmp_path, "  article: le\n", "  article: un\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  article: un") + 1
    with pytest.raises(ProblemsError) as caught:
        load_profile(path, "profile.yml", ROOT)
    assert [str(p) for p in caught.value.problems] == [
        f"profile.yml:{line}: establishment.article: 'un' is not an article (write le, la, l' or les, the article the "
        "name takes in a sentence (« publié par le Centre hospitalier… »))"
    ]


def test_a_profile_without_article_loads_and_the_validator_asks_for_it(tmp_path):
    path = write_profile(tmp_path, "  article: le\n", "")
    profile = load_profile(path, "profile.yml", ROOT)
    assert profile.article is None
    assert Renderer(profile, STRINGS, markdown=False).name_in("publié par {name}", "fr") == (
        "publié par Centre hospitalier de Valbrume"
    )
    asked = [
        str(p)
        for p in publish_problems(load_project(ROOT, str(path)), [], ROOT, publish=False)
        if p.field == "establishment.article" and p.level is Level.WARNING
    ]
    assert len(asked) == 1 and asked[0].startswith(
        f"{path}:11: establishment.article: the name's article is missing: pages print the name without it"
    ), asked
    assert "add the key article (le, la, l' or les) under establishment:" in asked[0]
    example = publish_problems(load_project(ROOT, str(HOSPITAL)), [], ROOT, publish=False)
    assert not any(p.field == "establishment.article" for p in example)


def test_the_site_name_defaults_to_the_short_name_then_the_name(tmp_path):
    assert EXAMPLE.site_name == "CH Valbrume"
    assert DEMO.site_name is None  # mkdocs.yml's « Cybersécurité en santé » stays
    named = load_profile(write_profile(tmp_path, "site:\n", "site:\n  name: Cyber au CH\n"), "profile.yml", ROOT)
    assert named.site_name == "Cyber au CH"
    unnamed = load_profile(
        write_profile(tmp_path, "  short_name: CH Valbrume  # fictif\n", "  short_name: à compléter\n"),
        "profile.yml",
        ROOT,
    )
    assert unnamed.site_name == "Centre hospitalier de Valbrume"


def test_phone_numbers_in_pages_and_printed_kits_never_break():
    renderer = Renderer(EXAMPLE, STRINGS, markdown=True)
    for key in ("contacts.it_support.phone", "contacts.on_call.phone", "establishment.phone"):
        label = renderer.value(key, "fr").split("](", 1)[0]
        assert " " not in label and NBSP in label, label
    assert fill("Appelez le <!-- profile:contacts.on_call.phone -->.", "x.md", "fr", renderer) == (
        "Appelez le [01\u00a099\u00a000\u00a015\u00a015](tel:+33199001515)."
    )
    # posters and reflex sheets too: a number split across two lines is misdialled
    assert (
        Renderer(EXAMPLE, STRINGS, markdown=False).value("contacts.on_call.phone", "fr")
        == "01\u00a099\u00a000\u00a015\u00a015"
    )
