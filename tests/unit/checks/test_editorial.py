"""Editorial checks: each message with its line, what typography checks leave alone, links to scheduled posts."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.checks.editorial import editorial_problems
from sitekit.checks.navigation import navigation_problems
from sitekit.checks.typography import typography_problems
from sitekit.core.problems import Level
from sitekit.pages.prose import prose

TODAY = date(2025, 10, 20)
NB = "\u00a0"


@pytest.fixture
def tree(tmp_path):
    """A tiny project: docs/ and data/authors.yml, nothing else."""
    (tmp_path / "data").mkdir()
    shutil.copy2(ROOT / "data" / "authors.yml", tmp_path / "data" / "authors.yml")
    (tmp_path / "docs").mkdir()
    return tmp_path


def check(tree: Path, files: dict[str, str], today: date = TODAY) -> list[str]:
    for name, text in files.items():
        path = tree / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [f"{p.level.value} {p}" for p in editorial_problems(tree / "docs", tree, today)]


PAGE = "---\ntitle: Titre\ndescription: Une phrase.\n---\n\n# Titre\n\n"


def test_front_matter_errors_have_file_and_line(tree):
    assert check(tree, {"a.md": '---\ntitle: Titre\ndescription: "pas fermé\nreview_by: 2027-01-01\n---\n'}) == [
        'error docs/a.md:3: the quotation mark " that opens the text on this line is never closed '
        "(end the text with \" on the same line (between single quotes, an apostrophe is written twice: ''))"
    ]
    (tree / "docs" / "a.md").unlink()
    assert check(tree, {"b.md": "---\ntitle: Titre\ndescription: [une, liste]\nreview_by: bientôt\n---\n"}) == [
        "error docs/b.md:3: description: expected text, got list (write it as text (in quotes if needed))",
        "error docs/b.md:4: review_by: 'bientôt' is not a date (write YYYY-MM-DD, e.g. 2025-10-31)",
    ]


def test_image_without_alternative_text(tree):
    text = PAGE + '![](affiche.png)\n\n![Une affiche](affiche.png)\n\n<img src="a.png">\n\n<img src="b.png" alt="">\n'
    assert check(tree, {"page.en.md": text}) == [
        "error docs/page.en.md:8: image: image without alternative text "
        "(describe the image between the brackets: ![What the image shows](file.png))",
        "error docs/page.en.md:12: image: <img> without alt attribute "
        '(add alt="what the image shows" (alt="" only for a purely decorative image))',
    ]


def test_post_without_description(tree):
    post = "---\ntitle: Titre\ndate: 2025-10-01\nauthors: [rssi]\n---\n\nTexte.\n"
    assert check(tree, {"actualites/billets/2025-10-01-essai.md": post}) == [
        "error docs/actualites/billets/2025-10-01-essai.md:2: description: a post needs a description "
        "(add description: one sentence shown in the news list, the feed and search results)"
    ]


NO_SPACE_FIX = "(and after it when a word follows): the site makes it non-breaking)"
APOSTROPHE = "straight apostrophe ' (quote with « » rather than ' ', or type ’ (Alt+0146 on Windows))"


def test_french_typography_warnings_only_for_what_the_build_cannot_set(tree):
    body = (
        "Attention: danger.\n"  # 8: the build never adds a space before « : »
        "Pourquoi ? Parce que ; voilà ! Les « risques » et les «menaces». 12 000 agents, 50 %, n° 3.\n"  # 9
        "L'hameçonnage d'aujourd'hui.\n"  # 10: set by the build
        "Le mot 'cité' entre apostrophes.\n"  # 11
        'Un "mot" entre guillemets droits.\n'  # 12
        f"Tout va bien{NB}: rien à signaler&nbsp;! Vraiment&#8239;?\n"  # 13: typed by habit, accepted
        "Quoi?! Oui;non.\n"  # 14: « ?! » is set; « ;n » is not a clause the build can tell
    )
    found = check(tree, {"page.md": PAGE + body})
    assert found == [
        f"warning docs/page.md:8: typography: no space before « : » (type a space before « : » {NO_SPACE_FIX}",
        f"warning docs/page.md:11: typography: {APOSTROPHE}",
        'warning docs/page.md:12: typography: straight quotes " (replace each pair with « » '
        "(Alt+0171 and Alt+0187 on Windows): the site adds the spaces inside)",
        f"warning docs/page.md:14: typography: no space before « ; » (type a space before « ; » {NO_SPACE_FIX}",
    ]


def test_typography_leaves_code_urls_html_links_admonitions_times_and_english_alone(tree):
    body = (
        "```python\nprint('a: b')\n```\n\n"
        "Le code `x = 'a'; y: int` reste tel quel.\n\n"
        "Voir https://exemple.fr/page?x=1 et <a href=\"https://exemple.fr/?q=1\" title='x'>ce lien</a>.\n\n"
        "Voir [la page](autre.md#l'ancre) et ![Une affiche](a.png).\n\n"
        f'!!! warning "Attention{NB}!"\n    Réunion à 12:00 puis à 14:30.\n\n'
        "<!-- history -->\n"
        '<div markdown class="grid">\n\n{ .card }\n\n</div>\n'
    )
    assert check(tree, {"page.md": PAGE + body}) == []
    assert check(tree, {"page.en.md": PAGE + 'Attention: it\'s "fine"!\n'}) == []


def test_front_matter_title_is_checked_on_its_own_line(tree):
    assert check(tree, {"page.md": '---\ntitle: Quiz&nbsp;? Oui\ndescription: "Une phrase: la voici."\n---\n'}) == [
        f"warning docs/page.md:3: description: no space before « : » (type a space before « : » {NO_SPACE_FIX}"
    ]


def test_french_texts_of_data_files_are_checked(tree):
    (tree / "data" / "strings.yml").write_text(
        "footer.legal:\n  fr: Mentions 'légales'\n  en: Legal notice\n", encoding="utf-8"
    )
    assert check(tree, {}) == [f"warning data/strings.yml:2: footer.legal.fr: {APOSTROPHE}"]


def test_a_published_page_linking_to_a_scheduled_post_is_an_error(tree):
    post = "---\ntitle: Titre\ndescription: Une phrase.\ndate: {day}\nauthors: [rssi]\n---\n\n{body}\n"
    files = {
        "actualites/billets/2025-12-01-plus-tard.md": post.format(day="2025-12-01", body="Texte."),
        "actualites/billets/2025-12-02-encore.md": post.format(
            day="2025-12-02", body="Voir [le billet](2025-12-01-plus-tard.md)."
        ),
        "index.md": PAGE + "Voir [le billet](actualites/billets/2025-12-01-plus-tard.md#suite).\n",
    }
    assert check(tree, files) == [
        "error docs/index.md:8: link: links to the post 2025-12-01-plus-tard which is not published before "
        "2025-12-01 (remove the link until that day, or schedule this page's link in a post of the same date)"
    ]
    assert check(tree, {}, today=date(2025, 12, 1)) == []


def test_every_kind_of_link_to_a_scheduled_post_is_found_and_code_is_not_a_link(tree):
    post = "---\ntitle: Titre\ndescription: Une phrase.\ndate: 2025-12-01\nauthors: [rssi]\n---\n\nTexte.\n"
    body = (
        "Voir [le billet][suite].\n\n"  # 8
        "[suite]: actualites/billets/2025-12-01-plus-tard.md\n\n"  # 10
        "Voir [ici](/actualites/billets/2025-12-01-plus-tard.html).\n\n"  # 12
        '<a href="actualites/billets/2025-12-01-plus-tard.md">là</a>\n\n'  # 14
        "Écrire `[le billet](actualites/billets/2025-12-01-plus-tard.md)` dans un billet.\n"  # 16
    )
    found = check(tree, {"actualites/billets/2025-12-01-plus-tard.md": post, "index.md": PAGE + body})
    assert [line.split(": link:")[0] for line in found] == [
        "error docs/index.md:10",
        "error docs/index.md:12",
        "error docs/index.md:14",
    ]


def test_shipped_content_has_no_editorial_problem(root_docs):
    problems = editorial_problems(root_docs, ROOT, date(2026, 11, 23))
    assert [str(p) for p in problems] == []
    assert not any(p.level is Level.WARNING for p in problems)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Le kit [Mots de passe](../../kits/fiches/mots-de-passe.md) : prêt.", []),
        ("Le kit [Mots de passe](../../kits/fiches/mots-de-passe.md): prêt.", ["no space before « : »"]),
        ("Le kit [Mots de passe](../../kits/fiches/mots-de-passe.md)\u00a0: prêt.", []),
        ("![Affiche](affiche.png) ; la suite", []),
        ("![Affiche](affiche.png); la suite", []),
        ("[ref]: https://example.org/a", []),
        ("Le code `[a](b) : c` est cité.", []),
    ],
)
def test_typography_right_after_a_link(line, expected):
    assert [p.message for p in typography_problems(prose(line), "docs/x.md", 1)] == expected


def test_menu_labels_are_checked_at_their_line(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "En cas d’incident: incident.md" in config
    line = config.splitlines().index("      - En cas d’incident: incident.md") + 1
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("En cas d’incident: incident.md", "En cas d'incident: incident.md"), encoding="utf-8"
    )
    assert navigation_problems(tmp_path) == []  # the build sets the apostrophe of a word
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("En cas d’incident: incident.md", 'En cas d’"incident": incident.md'), encoding="utf-8"
    )
    assert [str(p) for p in navigation_problems(tmp_path)] == [
        f'mkdocs.yml:{line}: menu: straight quotes " (replace each pair with « » (Alt+0171 and Alt+0187 on '
        "Windows): the site adds the spaces inside)"
    ]
    assert navigation_problems(ROOT) == []
    assert navigation_problems(tmp_path / "absent") == []
