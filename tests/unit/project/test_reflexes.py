"""The incident reflexes are given the same way everywhere: no page, post or kit source contradicts them.

The reflexes (isolate the computer, do not switch it off, never pay, change a seen password) and the phrasings that
would contradict them are data, in tests/reflexes.yml. Each test reads the hand-written sources (no build) paragraph
by paragraph, in French and English, and names the file and line of every contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from sitekit.core.yamlfile import load_yaml

REFLEXES_FILE = ROOT / "tests" / "reflexes.yml"
LANGS = ("fr", "en")
BEFORE = 30  # characters read before a match to tell a negation (« n’éteignez pas ») from an instruction


@dataclass(frozen=True)
class Paragraph:
    path: Path
    line: int  # 1-based line of the paragraph's first line
    text: str  # spaces made plain, apostrophes made one


def lang_of(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "fr"


def normalise(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ").replace("**", ""))
    return text.replace("'", "’") if lang == "fr" else text.replace("’", "'")


def sources(root: Path) -> list[Path]:
    """Every hand-written page, news post and kit source (generated pages are git-ignored, skipped by name)."""
    found = [p for p in (root / "docs").rglob("*.md") if not {"fiches", "criteres", "guide"} & set(p.parts)]
    found = [p for p in found if not re.fullmatch(r"\d{4}(\.en)?\.md", p.name) or "actualites" in p.parts]
    found += list((root / "kits").glob("*/*.md"))
    return sorted(p for p in found if p.name != "README.md")


def paragraphs(path: Path, *, items: bool = True) -> list[Paragraph]:
    """The file's paragraphs and list items (or, with `items=False`, whole lists), outside front matter and code."""
    lang = lang_of(path)
    found: list[Paragraph] = []
    block: list[str] = []
    start = 0
    in_code = in_front = False
    lines = path.read_text(encoding="utf-8").splitlines()

    def flush() -> None:
        if block:
            found.append(Paragraph(path, start, normalise(" ".join(block), lang)))
            block.clear()

    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if number == 1 and stripped == "---":
            in_front = True
            continue
        if in_front:
            in_front = stripped != "---"
            continue
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue
        item = re.match(r"(?:[-*+]|\d+\.)\s", stripped)
        if not stripped or (item and items) or stripped.startswith("#"):
            flush()
        if stripped:
            if not block:
                start = number
            block.append(stripped)
    flush()
    return found


def load_reflexes(path: Path = REFLEXES_FILE) -> list[dict[str, Any]]:
    reflexes: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["reflexes"]
    return reflexes


def quiz_questions(path: Path, lang: str) -> list[Paragraph]:
    """Each question of a kit's quiz.yml in one language, as one paragraph at the question's line: what the quiz
    teaches, that is its right choices and every explanation (the page shows them together). The question and the
    wrong choices are left out: a wrong choice says what not to do (« J’éteins le poste »), on purpose."""
    doc = load_yaml(path, str(path))
    questions = doc.data.get("questions") if isinstance(doc.data, dict) else None
    found: list[Paragraph] = []
    for index, question in enumerate(questions if isinstance(questions, list) else []):
        parts = [
            t[lang]
            for c in question["choices"]
            for t in ((c["text"],) if c.get("correct") else ()) + (c["explanation"],)
        ]
        found.append(Paragraph(path, doc.line(("questions", index)), normalise(" ".join(parts), lang)))
    return found


def readings(root: Path) -> Iterator[tuple[Path, str, list[Paragraph], list[Paragraph]]]:
    """(file, language, its paragraphs and items, its paragraphs and whole lists): every hand-written source, then
    every kit's quiz in both languages (a question is both a paragraph and a block)."""
    for path in sources(root):
        yield path, lang_of(path), paragraphs(path), paragraphs(path, items=False)
    for path in sorted((root / "kits").glob("*/quiz.yml")):
        for lang in LANGS:
            questions = quiz_questions(path, lang)
            yield path, lang, questions, questions


def contradictions(root: Path, reflexes: list[dict[str, Any]]) -> list[str]:
    """`file:line: reflex: problem (fix)` for every paragraph that contradicts a reflex or gives it incompletely."""
    problems: list[str] = []
    for path, lang, items, blocks in readings(root):
        where = path.relative_to(root)
        for paragraph in items:
            text = paragraph.text
            for reflex in reflexes:
                for rule in reflex[lang].get("forbidden", []):
                    for match in re.finditer(rule["pattern"], text, re.IGNORECASE):
                        before = text[max(0, match.start() - BEFORE) : match.start()]
                        unless = rule.get("unless_before")
                        if unless and re.search(unless, before, re.IGNORECASE):
                            continue
                        problems.append(
                            f"{where}:{paragraph.line}: {reflex['id']}: « {match.group(0)} » {rule['why']} "
                            f"(write the rule of tests/reflexes.yml: {reflex['rule'].strip()})"
                        )
        # The rule may be given over a whole list (the reflex in one item, its caution in the next).
        for block in blocks:
            text = block.text
            for reflex in reflexes:
                spec = reflex[lang]
                mentions = spec.get("mentions")
                if mentions and re.search(mentions, text, re.IGNORECASE):
                    given = any(re.search(re.escape(a), text, re.IGNORECASE) for a in spec["allowed"])
                    cautioned = all(re.search(c, text, re.IGNORECASE) for c in spec.get("caution", []))
                    if not (given and cautioned):
                        problems.append(
                            f"{where}:{block.line}: {reflex['id']}: the reflex is mentioned but not given as "
                            f"written everywhere (write « {spec['allowed'][0]} » and the caution "
                            f"« {spec['caution'][0]} »)"
                        )
    return problems


def test_the_reflexes_file_is_complete():
    reflexes = load_reflexes()
    assert {r["id"] for r in reflexes} == {"isoler", "eteindre", "payer", "mot-de-passe"}
    for reflex in reflexes:
        # A rule is sourced by a URL, or says visibly that its source is still to be confirmed.
        assert reflex["source"].startswith(("https://", "à confirmer")), reflex["id"]
        for lang in LANGS:
            for rule in reflex[lang]["forbidden"]:
                re.compile(rule["pattern"])
                assert rule["why"], reflex["id"]


def test_every_page_post_and_kit_source_is_read():
    names = {str(p.relative_to(ROOT)) for p in sources(ROOT)}
    for expected in (
        "docs/incident.md",
        "docs/incident.en.md",
        "docs/bonnes-pratiques.en.md",
        "docs/gestion-de-crise.md",
        "docs/medico-social.en.md",
        "docs/actualites/billets/2025-10-13-signaler-un-incident-cert-sante.md",
        "kits/sauvegardes-pca-pra/fiche-reflexe.en.md",
        "kits/medico-social-premier-niveau/fiche-reflexe.fr.md",
        "kits/hameconnage/courriel.fr.md",
        "kits/cybermois/article-intranet.en.md",
    ):
        assert expected in names
    quizzes = {(str(path.relative_to(ROOT)), lang) for path, lang, _, _ in readings(ROOT) if path.name == "quiz.yml"}
    assert {("kits/cles-usb/quiz.yml", "fr"), ("kits/cles-usb/quiz.yml", "en")} <= quizzes


def test_no_source_contradicts_a_reflex():
    problems = contradictions(ROOT, load_reflexes())
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_incident_page_and_the_reflex_sheets_give_the_isolation_rule(lang):
    spec = next(r for r in load_reflexes() if r["id"] == "isoler")[lang]
    suffix = ".en" if lang == "en" else ".fr"
    files = [ROOT / "docs" / f"incident{'.en' if lang == 'en' else ''}.md"]
    files += [
        ROOT / "kits" / kit / f"fiche-reflexe{suffix}.md"
        for kit in ("sauvegardes-pca-pra", "medico-social-premier-niveau")
    ]
    for path in files:
        text = " ".join(p.text for p in paragraphs(path))
        assert any(a in text for a in spec["allowed"]), path
        assert all(re.search(c, text) for c in spec["caution"]), path


# The reflex sheets read in the first minute of an incident, printed beside a workstation: they start with what to do,
# the number to call included, before the signs or the explanations.
FIRST_MINUTE_SHEETS = ("hameconnage", "medico-social-premier-niveau", "sauvegardes-pca-pra")
SUPPORT_NUMBER = "<!-- profile:contacts.it_support.phone -->"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kit", FIRST_MINUTE_SHEETS)
def test_a_first_minute_reflex_sheet_opens_on_what_to_do_with_the_number_to_call(kit, lang):
    path = ROOT / "kits" / kit / f"fiche-reflexe.{lang}.md"
    sections = re.split(r"(?m)^## ", path.read_text(encoding="utf-8"))
    assert len(sections) > 2, f"{path}: no sections"
    first = sections[1]
    assert SUPPORT_NUMBER in first, f"{path}: the first section ({first.splitlines()[0]}) does not give the number"
    assert re.search(r"(?m)^- (Je |I )", first), f"{path}: the first section is not what I do"


CONTRADICTING = {
    ("fr", "Prévenez le support, sans éteindre ni débrancher le poste de vous-même."): "isoler",
    ("fr", "Je n’éteins pas l’ordinateur ; je le débranche du réseau si le référent me le demande."): "isoler",
    ("fr", "Éteignez le poste tout de suite."): "eteindre",
    ("fr", "Au besoin, payez la rançon."): "payer",
    ("fr", "Je change mon mot de passe, si le service informatique me le demande."): "mot-de-passe",
    ("en", "Alert IT, without switching off or unplugging the computer yourself."): "isoler",
    ("en", "Switch the computer off at once."): "eteindre",
    ("en", "I change my password from a safe computer, if the IT department asks me to."): "mot-de-passe",
}
AGREEING = {
    ("fr", "Ne l’éteignez pas. Ne payez jamais la rançon."),
    ("fr", "Je n’éteins pas le poste, je l’isole."),
    ("en", "Do not switch it off, and never pay the ransom."),
    ("en", "I do not restart or switch off the computer."),
}


@pytest.mark.parametrize(("lang", "sentence"), sorted(CONTRADICTING))
def test_a_contradicting_sentence_is_named_with_its_file_and_line(tmp_path, lang, sentence):
    page = tmp_path / "docs" / ("page.en.md" if lang == "en" else "page.md")
    page.parent.mkdir()
    (tmp_path / "kits").mkdir()
    page.write_text(f"---\ntitle: t\n---\n\n# T\n\n{sentence}\n", encoding="utf-8")
    problems = contradictions(tmp_path, load_reflexes())
    reflex = CONTRADICTING[(lang, sentence)]
    assert problems and all(p.startswith(f"docs/{page.name}:7: {reflex}: ") for p in problems), problems


@pytest.mark.parametrize(("lang", "sentence"), sorted(AGREEING))
def test_a_negated_reflex_is_not_a_contradiction(tmp_path, lang, sentence):
    page = tmp_path / "docs" / ("page.en.md" if lang == "en" else "page.md")
    page.parent.mkdir()
    (tmp_path / "kits").mkdir()
    page.write_text(f"# T\n\n{sentence}\n", encoding="utf-8")
    assert contradictions(tmp_path, load_reflexes()) == []
