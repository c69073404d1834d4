"""Every published PDF of the kits, in the built site: the machine-checkable PDF/UA-1 rules, the source read back in
order, headlines hyphenated by the languages' dictionaries with no word alone on their last line; the printable
quizzes with their questions on the first page and their answers on the second."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pyphen

from conftest import ROOT
from sitekit.i18n.strings import LANGUAGES, load_strings
from sitekit.kits.formats import output_names
from sitekit.kits.model import load_kits
from sitekit.kits.package import download_path
from sitekit.kits.printdoc import plain, read_printable
from sitekit.kits.quizview import pdf_name
from sitekit.profile.model import DEFAULT_PROFILE, load_profile
from sitekit.profile.printed import ProfileStamp
from support.pdftext import page_texts
from support.pdfua import clean, headline_lines, pdfua_problems, read_back

KITS = load_kits(ROOT / "kits", ROOT)
STRINGS = load_strings(ROOT / "data" / "strings.yml")
STAMP = ProfileStamp(load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT), STRINGS)
HYPHENATED = re.compile(r"(\w+)\u00ad\s*(\w+)")


def published_pdfs(site: Path) -> list[tuple[Path, str]]:
    """Every PDF of the built site, with its language."""
    out = []
    for kit in KITS:
        for file in kit.files:
            for name in (n for n in _names(file) if n.endswith(".pdf")):
                out.append((site / download_path(kit, name), file.lang.value))
    assert len(out) >= 30
    return out


def _names(file) -> list[str]:
    return output_names(file)


def test_every_published_pdf_passes_the_machine_checkable_pdfua_rules(site):
    failures = {path.name: pdfua_problems(path.read_bytes()) for path, _ in published_pdfs(site)}
    assert {name: found for name, found in failures.items() if found} == {}


def test_every_pdf_reads_back_its_source_in_order(site):
    """The headline first, then the source's blocks in their order, then whom to call and the QR code's text."""
    for kit in KITS:
        for file in kit.files:
            if not file.printable:
                continue
            lang = file.lang.value
            markdown = STAMP.fill(kit.source(file).read_text(encoding="utf-8"), file.path, lang)
            doc = read_printable(markdown, file.path, kit.folder, poster=file.role.value == "affiche")
            expected = [clean(doc.title)]
            for block in doc.body:
                expected += (
                    [clean(plain(item)) for item in block.items] if block.kind == "list" else [clean(block.text)]
                )
            if doc.action:
                expected.append(clean(plain(doc.action)))
            expected.append(clean(STRINGS.get("profile.print.title", lang)))
            for name in (n for n in _names(file) if n.endswith(".pdf")):
                texts = [text for _, text in read_back((site / download_path(kit, name)).read_bytes())]
                positions = [texts.index(text) for text in expected]  # (ValueError: a block missing or altered)
                assert positions == sorted(positions), (name, expected)


def test_headlines_keep_two_words_on_their_last_line_and_hyphenate_by_the_dictionary(site):
    hyphenated = {"fr": 0, "en": 0}
    for path, lang in published_pdfs(site):
        lines = headline_lines(path.read_bytes())
        words = [w for w in lines[-1].split() if re.search(r"\w", w)]
        assert len(words) >= 2, (path.name, lines)
        text = page_texts(path.read_bytes())[0]
        dictionary = pyphen.Pyphen(lang=lang)
        for before, after in HYPHENATED.findall(text):
            word = before + after
            assert len(before) in dictionary.positions(word), (path.name, f"{before}-{after}")
            hyphenated[lang] += 1
        assert "\u2010" not in text  # a hyphen the layout added reads as a soft hyphen
    assert hyphenated["fr"] and hyphenated["en"]  # (the dictionaries are used in both languages)


def blank_foot(pdf: bytes, margin_mm: int = 10) -> list[bool]:
    """For each page, whether its bottom `margin_mm` millimetres are blank (rendered at one pixel per millimetre)."""
    document = pypdfium2.PdfDocument(pdf)
    out = []
    for page in document:
        image = page.render(scale=210 / page.get_width()).to_pil().convert("L")
        foot = image.crop((0, image.height - margin_mm, image.width, image.height))
        out.append(foot.getextrema()[0] >= 250)
    document.close()
    return out


def test_every_printable_quiz_has_its_questions_then_its_answers_each_on_a_page_of_their_own(site):
    """As published (demo profile): two A4 pages, PDF/UA clean, nothing printed in their bottom margin (the
    first page's footer was once pushed past its edge), every question on the first page and every explanation,
    whole, on the second, in the quiz's language."""

    def flat(text: str) -> str:
        """The text without its spaces and soft hyphens: where a line broke, the extracted text says it its way."""
        return re.sub(r"[\s\u00ad]+", "", text)

    checked = 0
    for kit in (k for k in KITS if k.quiz is not None):
        for lang in LANGUAGES:
            data = (site / download_path(kit, pdf_name(lang))).read_bytes()
            assert pdfua_problems(data) == [], (kit.id, lang)
            front, back = (flat(page) for page in page_texts(data))  # two pages exactly
            assert blank_foot(data) == [True, True], (kit.id, lang)  # nothing cut by the page's bottom edge
            for question in kit.quiz.questions:
                asked = flat(question.question[lang])
                assert asked in front and asked not in back, (kit.id, lang, asked)
                for choice in question.choices:
                    said = flat(choice.explanation[lang])
                    assert said in back and said not in front, (kit.id, lang, said)
            checked += 1
    assert checked == 2 * len([k for k in KITS if k.quiz is not None])
