"""YAML loading: line numbers per location, duplicate keys and syntax errors named with file and line."""

import pytest
import yaml

from conftest import ROOT
from sitekit.core import yamlfile
from sitekit.core.problems import ProblemsError
from sitekit.core.yamlfile import MAX_DATA_BYTES, load_yaml, parse_yaml


def test_lines_of_keys_and_items():
    doc = parse_yaml("calls:\n  - id: a\n    title:\n      fr: Bonjour\n  - id: b\n", "data/x.yml")
    assert doc.data == {"calls": [{"id": "a", "title": {"fr": "Bonjour"}}, {"id": "b"}]}
    assert doc.line(("calls",)) == 1
    assert doc.line(("calls", 0, "id")) == 2
    assert doc.line(("calls", 0, "title", "fr")) == 4
    assert doc.line(("calls", 1, "id")) == 5
    # A location that does not exist falls back to its closest parent.
    assert doc.line(("calls", 1, "closes")) == 5


def test_dates_are_dates():
    import datetime

    doc = parse_yaml("opens: 2025-09-02\n", "x.yml")
    assert doc.data["opens"] == datetime.date(2025, 9, 2)


def test_duplicate_key_is_reported_with_its_line():
    with pytest.raises(ProblemsError) as exc:
        parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "data/x.yml")
    assert str(exc.value) == "data/x.yml:4: b.c: duplicate key (keep one of the two values)"


def test_syntax_error_names_file_and_line():
    with pytest.raises(ProblemsError) as exc:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "data/x.yml")
    # The line to change: where the bracket opens, not where PyYAML noticed it was not closed.
    assert str(exc.value) == (
        "data/x.yml:2: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
    )


def test_python_tags_are_refused(tmp_path):
    with pytest.raises(ProblemsError) as exc:
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "data/x.yml")
    assert str(exc.value).startswith("data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself")


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ProblemsError) as exc:
        load_yaml(tmp_path / "absent.yml", "data/absent.yml")
    assert str(exc.value) == "data/absent.yml: file not found (create it or fix the path)"
    bad = tmp_path / "latin1.yml"
    bad.write_bytes("titre: été\n".encode("latin-1"))
    with pytest.raises(ProblemsError) as exc:
        load_yaml(bad, "data/latin1.yml")
    assert str(exc.value) == "data/latin1.yml:1: not UTF-8 text (byte 0xE9) (save the file as UTF-8)"


@pytest.mark.parametrize(
    "text, message",
    [
        # an alias referring to itself recursed forever; an alias bomb multiplied the document in memory
        (
            "a: &x [*x]\n",
            "data/x.yml:1: YAML anchor &x is not allowed (remove the anchor and write the value out where it is used)",
        ),
        (
            "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n",
            "data/x.yml:1: YAML anchor &a is not allowed (remove the anchor and write the value out where it is used)",
        ),
        (
            "a:\n  b: 1\n  c: *q\n",
            "data/x.yml:3: YAML alias *q is not allowed (write the value out instead of referring to an anchor)",
        ),
    ],
)
def test_anchors_and_aliases_are_refused_at_their_line(text, message):
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(text, "data/x.yml")
    assert str(exc.value) == message


def test_deep_nesting_is_refused_at_its_line_not_a_recursion_error():
    with pytest.raises(ProblemsError) as exc:
        parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "data/x.yml")
    assert str(exc.value) == (
        "data/x.yml:1: lists and mappings nested more than 20 levels deep "
        "(check the indentation and the brackets on this line)"
    )
    nested = "".join("  " * depth + "k:\n" for depth in range(25))
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(nested, "data/x.yml")
    assert str(exc.value).startswith("data/x.yml:20: lists and mappings nested more than 20 levels deep")
    assert parse_yaml("a: [[[[1]]]]\n", "data/x.yml").data == {"a": [[[[1]]]]}


def test_a_data_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yml"
    big.write_text("a: " + "x" * MAX_DATA_BYTES + "\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_yaml(big, "data/big.yml")
    assert str(exc.value) == (
        f"data/big.yml: file of {MAX_DATA_BYTES + 4:,} bytes, over the limit of {MAX_DATA_BYTES:,} bytes for a "
        "data file (split it or remove what it should not hold)"
    )


def test_a_control_character_in_the_file_is_named_with_its_line():
    with pytest.raises(ProblemsError) as exc:
        parse_yaml("a: 1\nb: x\x07y\n", "data/x.yml")
    assert str(exc.value) == (
        "data/x.yml:2: character U+0007 is not allowed in a data file "
        "(delete it: an invisible control character, often from a copy and paste)"
    )


def test_every_text_holding_a_colon_is_reported_at_its_line_with_the_line_quoted():
    text = (
        "title:\n"
        "  fr: Semaine 1 : lancement\n"
        "  en: Week 1\n"
        "weeks:\n"
        "  - theme:\n"
        '      fr: Thème : les "mots" de passe\n'
        "      en: Theme\n"
    )
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(text, "data/campaigns/2027.yml")
    assert str(exc.value).splitlines() == [
        "data/campaigns/2027.yml:2: a colon followed by a space inside a text "
        '(put the whole text in quotes: fr: "Semaine 1 : lancement")',
        "data/campaigns/2027.yml:6: a colon followed by a space inside a text "
        '(put the whole text in quotes: fr: "Thème : les \\"mots\\" de passe")',
    ]


def test_a_colon_on_the_continuation_of_a_text_is_reported_without_a_quoted_line():
    text = "summary:\n  fr: Un texte long\n    sur deux lignes : la suite\n"
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(text, "data/x.yml")
    assert str(exc.value) == (
        "data/x.yml:3: a colon followed by a space inside a text "
        '(put the whole text in quotes: key: "text : more text" (a quote inside it is written \\"))'
    )


def _parsed(text: str) -> object:
    try:
        doc = parse_yaml(text, "x.yml")
    except ProblemsError as exc:
        return [str(p) for p in exc.problems]
    return doc.data, doc.lines


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x [1]\n",
        "a:\n  b: [1, 2\n",
        "a: 1\na: 2\n",
        "a: b: c\n",
        "x: \u0007\n",
        "[" * 25 + "]" * 25 + "\n",
        "- " * 19 + "1\n",
        "- " * 21 + "1\n",
        "d: 2024-02-30\n",
        "<<: {a: 1}\n",
        "!!python/name:os.system x\n",
    ],
)
def test_libyaml_and_the_pure_python_parser_agree(text, monkeypatch):
    """libyaml composes what it can (ten times faster); the result is what the pure-Python loader gives."""
    fast = _parsed(text)
    monkeypatch.setattr(yamlfile, "_FAST_LOADER", None)
    assert fast == _parsed(text)


def test_every_data_file_reads_the_same_with_libyaml(monkeypatch):
    files = sorted(ROOT.glob("data/**/*.yml")) + sorted(ROOT.glob("kits/*/kit.yml"))
    files += sorted((ROOT / "tests" / "fixtures").rglob("*.yml"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    fast = [_parsed(t) for t in texts]
    monkeypatch.setattr(yamlfile, "_FAST_LOADER", None)
    assert fast == [_parsed(t) for t in texts]
    assert yamlfile._plain_events(texts[0], yaml.CSafeLoader)  # the fast path was taken
