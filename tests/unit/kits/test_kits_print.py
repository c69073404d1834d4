"""Posters, reflex sheets and screens: the Markdown read into a page, what does not fit stopping the build with the
file, line and how much, and a laid-out poster checked against the machine-checkable PDF/UA-1 rules and read back in
order (every published PDF: tests/site/test_kits_print_site.py)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import ROOT
from sitekit.core.dates import format_day
from sitekit.core.problems import ProblemsError
from sitekit.i18n.strings import load_strings
from sitekit.kits import render
from sitekit.kits.artwork import print_art
from sitekit.kits.formats import A4, SCREEN, SHEET_A4, ScreenText, alt_text
from sitekit.kits.model import load_kits
from sitekit.kits.package import print_info
from sitekit.kits.pictograms import load_pictograms, pictogram_problems
from sitekit.kits.printable import print_problems
from sitekit.kits.printdoc import Span, inline, keep_last_words_together, plain, read_printable
from sitekit.kits.view import KitsRenderer
from sitekit.profile.model import DEFAULT_PROFILE, load_profile
from sitekit.profile.printed import ProfileStamp
from support.kits import VALID, make_kit
from support.pdfua import pdfua_problems, read_back

KITS = load_kits(ROOT / "kits", ROOT)
PICTOGRAMS = load_pictograms(ROOT)
STRINGS = load_strings(ROOT / "data" / "strings.yml")
RENDERER = KitsRenderer(ROOT / "overrides" / "partials" / "kits", STRINGS)
PROFILE = load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT)
STAMP = ProfileStamp(PROFILE, STRINGS)

POSTER = """\
# Un doute ? Ne cliquez pas

Le paragraphe d’ouverture.

## Avant de cliquer

- Un point avec [un lien](https://example.org/page).
- Un **point** en gras, une adresse https://example.org/a-b.
  suite du point

> Signalez-le au service informatique.

Source : [un article](https://example.org/source).
"""


# --- the Markdown read into a page ----------------------------------------------------------------------------


def test_a_poster_reads_into_headline_lead_body_action_and_sources(tmp_path):
    doc = read_printable(POSTER, "kits/demo/affiche.fr.md", tmp_path, poster=True)
    assert doc.problems == ()
    assert doc.title == "Un doute ? Ne cliquez pas" and doc.headline_line == 1
    assert plain(doc.headline) == "Un doute ? Ne cliquez\u00a0pas"
    assert doc.lead is not None and doc.lead.text == "Le paragraphe d’ouverture." and doc.lead.line == 3
    assert [block.kind for block in doc.body] == ["paragraph", "heading", "list"]
    items = doc.body[2].items
    assert items[0] == (Span("Un point avec "), Span("un lien", "https://example.org/page"), Span("."))
    assert items[1] == (
        Span("Un "),
        Span("point", strong=True),
        Span(" en gras, une adresse "),
        Span("https://example.org/a-b", "https://example.org/a-b"),
        Span(". suite du point"),
    )
    assert plain(doc.action) == "Signalez-le au service\u00a0informatique." and doc.action_line == 11
    assert [plain(block.spans) for block in doc.sources] == ["Source : un article."]


def test_the_last_two_words_are_kept_together():
    assert keep_last_words_together(inline("Sans informatique, savons-nous encore soigner\u202f?")) == (
        Span("Sans informatique, savons-nous encore\u00a0soigner\u202f?"),
    )
    assert keep_last_words_together(inline("Seul")) == (Span("Seul"),)
    link = (Span("Voir "), Span("la page", "https://example.org/"))
    assert keep_last_words_together(link) == link  # a link is left whole


def test_what_does_not_fit_a_poster_is_named_with_its_line_and_fix(tmp_path):
    (tmp_path / "image.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    text = "Texte sans titre.\n\n![](image.svg)\n\n![Une photo](absente.png)\n\n# Titre\n\n# Autre titre\n\n> Une\n\n> Deux\n"
    doc = read_printable(text, "kits/demo/affiche.fr.md", tmp_path, poster=True)
    assert [str(p) for p in doc.problems] == [
        "kits/demo/affiche.fr.md:3: image: the picture 'image.svg' has no alternative text (write what it shows "
        "between the brackets: ![Un hameçon accroché à une enveloppe](image.svg))",
        "kits/demo/affiche.fr.md:5: image: picture 'absente.png' not found in the kit folder (put the SVG or PNG file "
        "in the kit folder and write its name, e.g. ![…](affiche.svg))",
        "kits/demo/affiche.fr.md:9: headline: a second # headline (the first is at line 7) (keep one # headline; "
        "make this one a ## heading)",
        "kits/demo/affiche.fr.md:13: action: a second call to action (the first is at line 11) (keep one > line: "
        "the one thing readers should do)",
    ]
    bare = read_printable("- un point\n", "kits/demo/affiche.en.md", tmp_path, poster=True)
    assert [str(p) for p in bare.problems] == [
        "kits/demo/affiche.en.md:1: headline: no # headline (start the file with one line such as: # Un doute "
        "? Signalez)",
        "kits/demo/affiche.en.md:1: action: no call to action (add one line starting with > saying the one thing "
        "to do, e.g. > Un doute ? Ne cliquez pas, signalez.)",
    ]
    sheet = read_printable("# Titre\n\n- un point\n", "kits/demo/fiche-reflexe.fr.md", tmp_path, poster=False)
    assert sheet.problems == ()  # a reflex sheet needs no call to action


def test_a_source_s_own_picture_replaces_the_pictogram(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    doc = read_printable("# Titre\n\n![Une équipe au poste de soins](photo.png)\n", "k/a.md", tmp_path, poster=False)
    assert doc.problems == () and doc.picture is not None
    assert doc.picture.alt == "Une équipe au poste de soins" and doc.picture.file == tmp_path / "photo.png"


def test_a_kit_whose_first_theme_has_no_pictogram_is_named(tmp_path):
    make_kit(tmp_path, text=VALID.replace("themes: [hameconnage]", "themes: [signalement, hameconnage]"))
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    pictograms = load_pictograms(ROOT)
    assert pictogram_problems([kit], pictograms) == []
    del pictograms.by_theme["signalement"]
    assert [str(p) for p in pictogram_problems([kit], pictograms)] == [
        "kits/demo/kit.yml:10: themes: no pictogram for the theme 'signalement', the first of the kit (add "
        "signalement: to kits/_pictograms/pictograms.yml with its SVG drawing, or list another theme first)"
    ]
    assert all(PICTOGRAMS.of(k) is not None for k in KITS)  # every shipped kit has its pictogram


def pictograms_problems(root: Path, text: str) -> list[str]:
    """The problems of kits/_pictograms/pictograms.yml under `root` when it holds `text`."""
    folder = root / "kits" / "_pictograms"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pictograms.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_pictograms(root)
    return str(exc.value).splitlines()


def test_a_pictogram_file_that_is_missing_is_named_with_its_line(tmp_path):
    assert pictograms_problems(
        tmp_path,
        "licence: Licence Ouverte / Etalab 2.0\npictograms:\n  hameconnage:\n    file: absent.svg\n"
        "    alt:\n      fr: un hameçon\n      en: a hook\n  signalement:\n    file: a.svg\n    alt:\n      fr: un mégaphone\n",
    ) == [
        "kits/_pictograms/pictograms.yml:10: pictograms.signalement.alt.en: missing English text (add en: with "
        "the text in that language)",
    ]
    assert pictograms_problems(
        tmp_path,
        "licence: Licence Ouverte / Etalab 2.0\npictograms:\n  hameconnage:\n    file: absent.svg\n"
        "    alt:\n      fr: un hameçon\n      en: a hook\n",
    ) == [
        "kits/_pictograms/pictograms.yml:4: pictograms.hameconnage.file: 'absent.svg' not found in "
        "kits/_pictograms/ (draw it as an SVG file in kits/_pictograms/ with the colours #1d3557 and #a8dadc, "
        "and write its name)"
    ]


def test_characters_missing_from_the_font_are_reported(tmp_path):
    kit_dir = make_kit(tmp_path)
    (kit_dir / "affiche.fr.md").write_text("# Titre\n\n- Bravo 🙂\n", encoding="utf-8")
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    assert [str(p) for p in print_problems(kit)] == [
        "kits/demo/affiche.fr.md:3: cannot be printed in the PDF: '🙂' (U+1F642) (remove the character or write it "
        "in words (emoji and rare symbols are not in the font))"
    ]
    assert all(print_problems(k) == [] for k in KITS)


def test_french_typography_in_kit_sources():
    """French sources: narrow non-breaking space before : ; ! ? and inside guillemets, typographic apostrophe."""
    for kit in KITS:
        for file in kit.files:
            if file.lang.value != "fr" or file.format != "md":
                continue
            text = kit.source(file).read_text(encoding="utf-8")
            shown = f"{kit.id}/{file.path}"
            assert not re.search(r" [:;!?](\s|$)", text), shown
            assert "'" not in text, shown
            assert not re.search(r"«[^\u00a0\u202f]|[^\u00a0\u202f]»", text), shown


def test_the_design_never_justifies_and_hyphenates_by_language():
    css = (ROOT / "overrides" / "partials" / "kits" / "print" / "print.css").read_text(encoding="utf-8")
    assert "justify" not in css
    assert re.search(r"h1, h2, p, li \{ text-align: left; hyphens: auto;", css)
    page = (ROOT / "overrides" / "partials" / "kits" / "print" / "page.html").read_text(encoding="utf-8")
    assert '<html lang="{{ info.lang }}"' in page  # the hyphenation dictionary is the page's language's


# --- laying out: what fits is one tagged page, what does not stops with how much ----------------------------------


def lay(tmp_path: Path, markdown: str, fmt=A4, name: str = "affiche.fr.md") -> bytes:
    """One source laid out in one format with the demo profile, as the build does it."""
    kit_dir = make_kit(tmp_path)
    (kit_dir / name).write_text(markdown, encoding="utf-8")
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    file = next(f for f in kit.files if f.path == name)
    doc = read_printable(markdown, f"kits/demo/{name}", kit_dir, poster=fmt is not SHEET_A4)
    assert doc.problems == ()
    info = print_info(kit, file, "https://example.org/", RENDERER, format_day, STAMP, PICTOGRAMS.of(kit))
    art = print_art(info, doc)
    target = render.Target(doc.path, doc.headline_line, fmt.label, ())

    def html_for(fit: float, hyphenate: bool) -> str:
        return RENDERER.print_html(doc, info, fmt, fit, art, hyphenate)

    if fmt.is_pdf:
        return render.fit_page(html_for, fmt, target, RENDERER.print_css)[0]
    return render.fit_picture(html_for, fmt, target, RENDERER.print_css)


def test_a_poster_that_fits_is_one_tagged_page_read_back_in_order(tmp_path):
    pdf = lay(tmp_path, POSTER)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert pdfua_problems(pdf) == []
    blocks = read_back(pdf)
    texts = [text for _, text in blocks]
    order = [
        "Un doute ? Ne cliquez pas",
        "Le paragraphe d’ouverture.",
        "Avant de cliquer",
        "Un point avec un lien.",
        "Signalez-le au service informatique.",
        "Qui prévenir ?",
        "Source : un article.",
    ]
    assert [texts.index(text) for text in order] == sorted(texts.index(text) for text in order)
    kinds = {text: kind for kind, text in blocks}
    assert kinds["Un doute ? Ne cliquez pas"] == "H1" and kinds["Avant de cliquer"] == "H2"
    assert kinds["Un point avec un lien."] == "LBody"
    assert ("Figure", "Pictogramme\u00a0: un hameçon pris dans une enveloppe") in blocks


def test_a_headline_too_long_for_the_poster_stops_with_its_line(tmp_path):
    headline = "# " + " ".join(["Une phrase beaucoup trop longue pour une affiche"] * 3) + "\n\n> Agir.\n"
    with pytest.raises(render.LayoutError) as exc:
        lay(tmp_path, headline)
    [problem] = exc.value.problems
    assert problem.path == "kits/demo/affiche.fr.md" and problem.line == 1 and problem.field == "headline"
    lines = int(re.fullmatch(r"takes (\d+) lines on the A4 poster, 4 at most", problem.message)[1])
    assert lines > 4 and problem.fix == "shorten it to 4 lines (move details to the paragraph below it)"


def test_a_body_that_overflows_stops_naming_its_line_and_how_much(tmp_path):
    items = "\n".join(f"- Le point numéro {n}, qui prend de la place sur la page comme les autres." for n in range(40))
    text = f"# Titre\n\nUn paragraphe.\n\n## Les points\n\n{items}\n\n> Agir.\n"
    with pytest.raises(render.LayoutError) as exc:
        lay(tmp_path, text)
    [problem] = exc.value.problems
    assert (problem.path, problem.line, problem.field) == ("kits/demo/affiche.fr.md", 7, "body")
    amount = int(
        re.search(r"runs (\d+) mm past the room of the A4 poster, even in the smallest type", problem.message)[1]
    )
    assert amount > 100  # forty lines do not fit: far past


def test_a_screen_picture_is_exactly_its_size_with_its_alternative_text(tmp_path):
    png = lay(tmp_path, POSTER, SCREEN)
    from PIL import Image

    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    doc = read_printable(POSTER, "kits/demo/affiche.fr.md", tmp_path, poster=True)
    text = ScreenText(
        "CH Exemple", "Cybersécurité · Hameçonnage", ("Support informatique : 01 02",), "Scannez : https://x/"
    )
    assert alt_text(doc, SCREEN, text) == (
        "CH Exemple. Cybersécurité · Hameçonnage. Un doute ? Ne cliquez pas. Le paragraphe d’ouverture. "
        "Signalez-le au service informatique. Support informatique : 01 02. Scannez : https://x/"
    )


def test_the_checker_finds_what_an_untagged_pdf_lacks():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert pdfua_problems(buffer.getvalue()) == [
        "01-002: the document is not marked as tagged (MarkInfo /Marked true)",
        "01-001: no structure tree (StructTreeRoot)",
    ]


# --- the printable quiz -----------------------------------------------------------------------------------------


def printed_quiz(kit, lang: str = "fr") -> bytes:
    from sitekit.kits.model import KitFile, Role
    from sitekit.kits.printing import print_quiz

    title, view = RENDERER.quiz_files(kit).printed[lang]
    file = KitFile(path=f"quiz.{lang}.md", role=Role.QUIZ, lang=lang)
    info = print_info(kit, file, "https://exemple.fr/", RENDERER, format_day, STAMP, PICTOGRAMS.of(kit))
    return print_quiz(view, title, info, f"kits/{kit.id}/quiz.yml", RENDERER)


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_a_printed_quiz_has_its_questions_on_page_one_and_its_answers_on_page_two():
    kit = next(k for k in KITS if k.id == "cles-usb")
    pdf = printed_quiz(kit)
    assert pdfua_problems(pdf) == []
    pages = page_texts(pdf)
    assert len(pages) == 2
    front, back = (flat(page) for page in pages)
    for question in kit.quiz.questions:
        words = flat(question.question.fr).split()
        assert " ".join(words[:6]) in front and " ".join(words[:6]) not in back
        for choice in question.choices:
            explanation = " ".join(flat(choice.explanation.fr).split()[:7])
            assert explanation in back and explanation not in front
    assert "Réponses et explications" in back and "Réponses et explications" not in front
    blocks = [(kind, flat(text)) for kind, text in read_back(pdf)]
    order = [
        blocks.index(("H1", flat(kit.title.fr))),
        next(n for n, (_, text) in enumerate(blocks) if text.startswith("1. Vous trouvez")),
        blocks.index(("H2", "Réponses et explications")),
    ]
    assert order == sorted(order)


def test_a_quiz_too_long_for_two_pages_runs_on_and_its_answers_still_start_on_a_page_of_their_own(tmp_path):
    long_choice = "Une réponse assez longue pour occuper toute une ligne de la page, et même un peu plus que cela"
    names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    choices = "".join(
        f'      - text: {{fr: "{long_choice}, {letter}.", en: "An answer."}}\n'
        f'        explanation: {{fr: "Non : {long_choice}. {long_choice}.", en: "No: because."}}\n'
        for letter in "abcd"
    )
    questions = "".join(
        f"  - id: {name}\n"
        f'    question: {{fr: "Question longue {name} : que faites-vous dans ce cas précis ?", en: "What?"}}\n'
        f"    choices:\n{choices}"
        f'      - text: {{fr: "Je signale.", en: "I report it."}}\n'
        f"        correct: true\n"
        f'        explanation: {{fr: "Oui : je signale.", en: "Yes: I report it."}}\n'
        for name in names
    )
    folder = make_kit(tmp_path)
    (folder / "quiz.yml").write_text(f"pass_mark: 80\nquestions:\n{questions}", encoding="utf-8")
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    pdf = printed_quiz(kit)
    assert pdfua_problems(pdf) == []
    pages = [flat(page) for page in page_texts(pdf)]
    assert len(pages) > 2
    first_answers = next(n for n, page in enumerate(pages) if "Réponses et explications" in page)
    assert first_answers >= 1 and not any("Non :" in page for page in pages[:first_answers])
    assert all(f"Question longue {name}" in " ".join(pages[:first_answers]) for name in names)
    assert "Question longue" not in " ".join(pages[first_answers:])


def test_characters_of_a_quiz_missing_from_the_font_are_reported_but_not_its_comments(tmp_path):
    from test_quiz import question, quiz_text

    folder = make_kit(tmp_path)
    text = "# Un quiz 🙂 (a comment is not printed)\n" + quiz_text(
        question("q0", text="Que faites-vous 🙂 ?"), *(question(f"q{n}") for n in (1, 2, 3, 4))
    )
    (folder / "quiz.yml").write_text(text, encoding="utf-8")
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    assert [str(p) for p in print_problems(kit)] == [
        "kits/demo/quiz.yml:5: cannot be printed in the PDF: '🙂' (U+1F642) (remove the character or write it "
        "in words (emoji and rare symbols are not in the font))"
    ]


def test_an_article_reference_is_never_broken_across_lines():
    from sitekit.kits.view import keep_references_whole

    html = "<html><head><title>R.4127-4</title></head><body><p>article R.4127-4, L.\u00a01110-4, Windows + L. Je"
    html += ' <a href="https://x.fr/R.4127">lien</a></p></body></html>'
    assert keep_references_whole(html) == (
        '<html><head><title>R.4127-4</title></head><body><p>article <span class="keep">R.4127-4</span>, '
        '<span class="keep">L.\u00a01110-4</span>, Windows + L. Je <a href="https://x.fr/R.4127">lien</a></p></body>'
        "</html>"
    )
    kit = next(k for k in KITS if k.id == "reseaux-sociaux-secret")  # its answers page broke a line after « R. »
    for lang in ("fr", "en"):
        back = page_texts(printed_quiz(kit, lang))[1]
        assert back.count("R.4127-4") == 2, back
