"""A page's headings in order with their anchors, and the heading an anchor that is not there most likely meant."""

from sitekit.pages.frontmatter import parse_page
from sitekit.pages.links import Heading, closest_heading, heading_ids, headings

FRENCH = "# Bonnes pratiques\n\n## Hameçonnage : les signes\n\n## Mots de passe\n\n## Mots de passe\n"
ENGLISH = "# Good practice\n\n## Phishing: the signs\n\n## Passwords {#passwords}\n\n## Passwords again\n"


def test_headings_in_order_with_the_anchors_mkdocs_gives_them():
    assert headings(parse_page(FRENCH, "docs/x.md")) == [
        Heading("bonnes-pratiques", "Bonnes pratiques"),
        Heading("hameconnage-les-signes", "Hameçonnage : les signes"),
        Heading("mots-de-passe", "Mots de passe"),
        Heading("mots-de-passe_1", "Mots de passe"),
    ]
    english = parse_page(ENGLISH, "docs/x.en.md")
    assert [h.id for h in headings(english)] == ["good-practice", "phishing-the-signs", "passwords", "passwords-again"]
    assert heading_ids(english) == {"good-practice", "phishing-the-signs", "passwords", "passwords-again"}


def test_the_heading_at_the_same_place_in_the_other_language_first():
    french, english = headings(parse_page(FRENCH, "x.md")), headings(parse_page(ENGLISH, "x.en.md"))
    assert closest_heading("hameconnage-les-signes", english, french) == Heading(
        "phishing-the-signs", "Phishing: the signs"
    )


def test_else_the_closest_anchor_and_none_when_nothing_is_close():
    english = headings(parse_page(ENGLISH, "x.en.md"))
    assert closest_heading("pasword", english) == Heading("passwords", "Passwords")
    assert closest_heading("phishing-the-sign", english, english[:1]) == Heading(
        "phishing-the-signs", "Phishing: the signs"
    )  # the other page's headings differ in number: the closest anchor
    assert closest_heading("budget", english) is None
