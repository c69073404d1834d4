"""The English of the site keeps one spelling variety and one term per concept (tests/english_variants.yml).

Each test reads the hand-written sources (no build): every English page, English kit source and English text of a
data file; a wrong variant that comes back fails with its file, line and the term to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

VARIANTS_FILE = ROOT / "tests" / "english_variants.yml"
LEFT_OUT = {"vocabulary.yml", "profile.yml"}  # search synonyms; the establishment's own profile
INLINE_ENGLISH = re.compile(r'[{,]\s*en:\s*"((?:[^"\\]|\\.)*)"')  # en: "…" inside a flow mapping


def load_variants(path: Path = VARIANTS_FILE) -> list[tuple[re.Pattern[str], str]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["variants"]
    return [(re.compile(e["wrong"]), e["right"]) for e in entries]


def english_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the English in a file: every line of an .en.md file, the en: values of a YAML file
    (a value on the key's line, or the indented lines of a folded or listed value under it, or an en: inside a flow
    mapping such as a quiz's `{fr: "…", en: "…"}`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".md":
        return list(enumerate(lines, 1))
    found: list[tuple[int, str]] = []
    english_indent: int | None = None
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip())
        key = re.match(r"\s*(?:- )?(\w+):", line)
        if english_indent is not None and line.strip() and indent > english_indent:
            found.append((number, line))
            continue
        english_indent = None
        if key and key.group(1) == "en":
            english_indent = indent
            found.append((number, line[key.end() :]))
        else:
            found += [(number, value) for value in INLINE_ENGLISH.findall(line)]
    return found


def english_sources(root: Path) -> list[Path]:
    found = list((root / "docs").rglob("*.en.md")) + list((root / "kits").glob("*/*.en.md"))
    found += list((root / "kits").glob("*/kit.yml")) + list((root / "kits").glob("*/quiz.yml"))
    found += list((root / "data").rglob("*.yml"))
    return sorted(p for p in found if p.name not in LEFT_OUT)


def wrong_variants(root: Path, variants: list[tuple[re.Pattern[str], str]]) -> list[str]:
    problems = []
    for path in english_sources(root):
        for number, text in english_lines(path):
            for pattern, right in variants:
                for match in pattern.finditer(text):
                    problems.append(f"{path.relative_to(root)}:{number}: « {match.group(0)} » (write {right})")
    return problems


def test_the_variants_file_reads():
    variants = load_variants()
    assert len(variants) >= 10 and all(right for _, right in variants)


def test_every_english_page_and_kit_source_is_read():
    names = {str(p.relative_to(ROOT)) for p in english_sources(ROOT)}
    for expected in (
        "docs/programme-care.en.md",
        "docs/guide/campagne-d-octobre.en.md",
        "kits/cybermois/courriels.en.md",
        "kits/sauvegardes-pca-pra/kit.yml",
        "kits/mises-a-jour/quiz.yml",
        "data/campaigns/2025.yml",
        "data/authors.yml",
    ):
        assert expected in names
    assert "data/vocabulary.yml" not in names


def test_no_english_text_uses_a_wrong_variant():
    problems = wrong_variants(ROOT, load_variants())
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("where", "text", "found"),
    [
        ("docs/page.en.md", "The CaRE program is organized around four axes.", ["program", "organized"]),
        (
            "kits/k/poster.en.md",
            "Week 1: spotting a trapped e-mail, during Cybermonth.",
            ["trapped e-mail", "Cybermonth"],
        ),
        ("data/calls.yml", "calls:\n  - title:\n      fr: Le RSSI\n      en: >-\n        The CISO talks\n", ["CISO"]),
        ("data/calls.yml", "x:\n  en: Units switch to degraded mode.\n", ["degraded mode"]),
        (
            "kits/k/quiz.yml",
            'questions:\n  - choices:\n      - text: {fr: "Le programme", en: "A free program"}\n'
            '        explanation: {fr: "Non : organisez.", en: "No: \\"organize\\" it, in the Cybermonth."}\n',
            ["program", "organize", "Cybermonth"],
        ),
    ],
)
def test_a_wrong_variant_is_named_with_its_file_and_line(tmp_path, where, text, found):
    path = tmp_path / where
    path.parent.mkdir(parents=True)
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "kits").mkdir(exist_ok=True)
    (tmp_path / "data").mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    problems = wrong_variants(tmp_path, load_variants())
    assert sorted(p.split("« ")[1].split(" »")[0] for p in problems) == sorted(found)
    assert all(p.startswith(f"{where}:") for p in problems)


@pytest.mark.parametrize(
    "text",
    [
        "The CaRE programme is organised around four axes; a booby-trapped attachment.",
        "Units switch to their downtime procedures; the RSSI is told.",
    ],
)
def test_the_right_terms_pass(tmp_path, text):
    (tmp_path / "docs").mkdir()
    (tmp_path / "kits").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "page.en.md").write_text(text, encoding="utf-8")
    # French text in a YAML file is not read as English.
    (tmp_path / "data" / "calls.yml").write_text("x:\n  fr: le programme, organized\n", encoding="utf-8")
    assert wrong_variants(tmp_path, load_variants()) == []
