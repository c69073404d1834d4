"""PyYAML's syntax errors told in an author's words: every problem and context string the loader can raise, each
at the line to change, none with a parser token name."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from sitekit.core.problems import ProblemsError, format_problems
from sitekit.core.yamlerrors import syntax_problem
from sitekit.core.yamlfile import parse_yaml

# (case, YAML text, the problem reported)
CASES = [
    (
        "question",
        "a: ? b\n",
        'data/x.yml:1: a text starts with « ? », a sign YAML keeps for itself (put the whole text in quotes: a: "? b")',
    ),
    (
        "tab",
        "a:\n\tb: 1\n",
        "data/x.yml:2: a tab instead of spaces (replace the tab with spaces: YAML aligns lines with spaces only)",
    ),
    (
        "at",
        "a: @foo\n",
        'data/x.yml:1: a text starts with « @ », a sign YAML keeps for itself (put the whole text in quotes: a: "@foo")',
    ),
    (
        "backtick",
        "a: `x`\n",
        'data/x.yml:1: a text starts with « ` », a sign YAML keeps for itself (put the whole text in quotes: a: "`x`")',
    ),
    (
        "pct",
        "a: %x\n",
        'data/x.yml:1: a text starts with « % », a sign YAML keeps for itself (put the whole text in quotes: a: "%x")',
    ),
    (
        "nocolon",
        "a: 1\nb\nc: 2\n",
        "data/x.yml:2: this line has no colon after its key, or continues the text of a line above (add « : » after the key (key: value); a text on several lines goes in double quotes, starting on the line of its key)",
    ),
    (
        "continuation",
        "a: un texte\nqui continue\nc: 2\n",
        "data/x.yml:2: this line has no colon after its key, or continues the text of a line above (add « : » after the key (key: value); a text on several lines goes in double quotes, starting on the line of its key)",
    ),
    (
        "contin2",
        "title:\n  fr: un texte\n  qui continue\n  en: x\n",
        "data/x.yml:3: this line has no colon after its key, or continues the text of a line above (add « : » after the key (key: value); a text on several lines goes in double quotes, starting on the line of its key)",
    ),
    (
        "seqhere",
        "audience: - tous\n",
        "data/x.yml:1: a « - » list item where YAML expects a text (put each « - » item on a line of its own under the key, two spaces further right (or write the list in brackets: key: [a, b]); a text that starts with « - » goes in double quotes)",
    ),
    (
        "indented_key",
        "title: foo\n  fr: bar\n",
        "data/x.yml:2: a key further right than the line above, which already has its value (align this key with the keys of line 1, or leave nothing after the colon of the line above if this key belongs under it)",
    ),
    (
        "directive",
        "%foo\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "directive2",
        "%YAML 2.0\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "anchor",
        "a: & x\n",
        'data/x.yml:1: a text starts with « & », a sign YAML keeps for itself (put the whole text in quotes: a: "& x")',
    ),
    (
        "alias",
        "a: * x\n",
        'data/x.yml:1: a text starts with « * », a sign YAML keeps for itself (put the whole text in quotes: a: "* x")',
    ),
    (
        "tag",
        "a: !<foo\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!<foo")',
    ),
    (
        "tag2",
        "a: !foo!bar x\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!foo!bar x")',
    ),
    (
        "block",
        "a: |x\n",
        'data/x.yml:1: a text starts with « | », a sign YAML keeps for itself (put the whole text in quotes: a: "|x")',
    ),
    (
        "block2",
        "a: > hello\n",
        'data/x.yml:1: a text starts with « > », a sign YAML keeps for itself (put the whole text in quotes: a: "> hello")',
    ),
    (
        "block3",
        "- |0\n",
        'data/x.yml:1: a text starts with « | », a sign YAML keeps for itself (put the whole text in quotes: - "|0")',
    ),
    (
        "escape",
        'a: "C:\\Users"\n',
        "data/x.yml:1: a backslash « \\ » in a text between double quotes (write it twice (\\\\), or put the text between single quotes)",
    ),
    (
        "hex",
        'a: "\\xZZ"\n',
        "data/x.yml:1: a backslash « \\ » in a text between double quotes (write it twice (\\\\), or put the text between single quotes)",
    ),
    (
        "unclosed",
        'a: "hello\nb: 2\n',
        "data/x.yml:1: the quotation mark \" that opens the text on this line is never closed (end the text with \" on the same line (between single quotes, an apostrophe is written twice: ''))",
    ),
    (
        "docsep",
        'a: "hello\n---\nb: 2\n',
        "data/x.yml:1: the quotation mark \" that opens the text on this line is never closed (end the text with \" on the same line (between single quotes, an apostrophe is written twice: ''))",
    ),
    (
        "apostrophe",
        "a: 'l'hopital'\n",
        "data/x.yml:1: text after the closing quotation mark ' (put the whole text in quotes: a: \"l'hopital\")",
    ),
    (
        "after_quote",
        'a: "x" y\n',
        'data/x.yml:1: text after the closing quotation mark " (put the whole text in quotes: a: "\\"x\\" y")',
    ),
    (
        "docstart",
        "a: 1\n...\nb: 2\n",
        "data/x.yml:2: a line « ... » ends the data before the lines below it (remove this line)",
    ),
    (
        "nodecontent",
        "a: !!str ,\n",
        "data/x.yml:1: a sign where YAML expects a value (write the value, or put the text in double quotes if it starts with a sign)",
    ),
    (
        "nodecontent2",
        "- ]\n",
        "data/x.yml:1: a sign where YAML expects a value (write the value, or put the text in double quotes if it starts with a sign)",
    ),
    (
        "items",
        "weeks:\n  - starts: unknown\n    items: []\n      - date: unknown\n        channel: intranet\n",
        "data/x.yml:3: « items: [] » says the list is empty, and a list follows it on line 4 (write « items: » alone on this line (without []), the items under it)",
    ),
    (
        "items2",
        "weeks:\n  - starts: unknown\n    items: []\n    - date: unknown\n",
        "data/x.yml:3: « items: [] » says the list is empty, and a list follows it on line 4 (write « items: » alone on this line (without []), the items under it)",
    ),
    (
        "misalign",
        "a:\n  b: 1\n c: 2\n",
        "data/x.yml:3: this line is not aligned with the lines of its group (from line 1) (start this line with as many spaces as the other lines of its group (the keys or « - » items it belongs with))",
    ),
    (
        "misalign_seq",
        "a:\n  - 1\n - 2\n",
        "data/x.yml:3: this line is not aligned with the lines of its group (from line 1) (start this line with as many spaces as the other lines of its group (the keys or « - » items it belongs with))",
    ),
    (
        "flow_unclosed",
        "a: [1, 2\nb: 3\n",
        "data/x.yml:1: « [ » opened on this line is not closed on it (close it with « ] » on the same line)",
    ),
    (
        "flow_colon2",
        "a: [tous, soignants] en plus\n",
        "data/x.yml:1: text after the closing « ] » (put every value inside the brackets, separated by commas)",
    ),
    (
        "flow_map",
        "a: {fr: x, en: y\nb: 1\n",
        "data/x.yml:1: « { » opened on this line is not closed on it (close it with « } » on the same line)",
    ),
    (
        "flow_map2",
        "a: {fr: x en: y}\n",
        'data/x.yml:1: values inside « { } » without a comma between them (separate the values with commas; a value holding « : » goes in double quotes: {fr: "…", en: "…"})',
    ),
    (
        "twodocs",
        "a: 1\n---\nb: 2\n",
        "data/x.yml:2: a line « --- » in the middle of the file (remove this line: a data file holds one document)",
    ),
    (
        "seq_in_map",
        "a: 1\n- b\n",
        "data/x.yml:2: a « - » list item among keys (a list goes under a key ending with « : », its « - » items two spaces further right than the key)",
    ),
    (
        "map_after_seq",
        "- a\nb: 1\n",
        "data/x.yml:2: a key among « - » list items (start this line with « - » like the other items, or move it right, under the item it belongs to)",
    ),
    (
        "eos_in_flow",
        "a: [1,\n",
        "data/x.yml:1: a list in brackets is not closed (close it with « ] » (or « } ») on this line)",
    ),
    (
        "quote_in_key",
        '"a" b: 1\n',
        'data/x.yml:1: text after the closing quotation mark " (put the whole text in double quotes: key: "text" (a double quote inside it is written \\"))',
    ),
    (
        "colon_in_text",
        "title: Semaine 1 : lancement\n",
        'data/x.yml:1: a colon followed by a space inside a text (put the whole text in quotes: title: "Semaine 1 : lancement")',
    ),
    (
        "unclosed_single",
        "a: 'hello\nb: 2\n",
        "data/x.yml:1: the quotation mark ' that opens the text on this line is never closed (end the text with ' on the same line (between single quotes, an apostrophe is written twice: ''))",
    ),
    (
        "brace_text",
        "a: {x\n",
        "data/x.yml:1: « { » opened on this line is not closed on it (close it with « } » on the same line)",
    ),
    (
        "gt_in_seq",
        "- > x\n  y\n",
        'data/x.yml:1: a text starts with « > », a sign YAML keeps for itself (put the whole text in quotes: - "> x")',
    ),
    (
        "amp_text",
        "- & Co\n",
        'data/x.yml:1: a text starts with « & », a sign YAML keeps for itself (put the whole text in quotes: - "& Co")',
    ),
    (
        "star_text",
        "a: *important*\n",
        'data/x.yml:1: a text starts with « * », a sign YAML keeps for itself (put the whole text in quotes: a: "*important*")',
    ),
    (
        "pipe_text",
        "a: | x\n",
        'data/x.yml:1: a text starts with « | », a sign YAML keeps for itself (put the whole text in quotes: a: "| x")',
    ),
    (
        "dir_name",
        "%T@G x\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_digit",
        "%YAML a\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_dot",
        "%YAML 1\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_space",
        "%YAML 1.1x\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_eol",
        "%YAML 1.1 x\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_tag_bang",
        "%TAG x y\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_tag_space",
        "%TAG !a!b y\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_uri",
        "%TAG ! %zz\n---\na: 1\n",
        "data/x.yml:1: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_dup",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
        "data/x.yml:2: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "dir_handle_dup",
        "%TAG ! a\n%TAG ! b\n---\na: 1\n",
        "data/x.yml:2: a line starts with « % », a sign YAML keeps for itself (put the text in double quotes, or remove the line)",
    ),
    (
        "tag_space",
        "a: !<x>y\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!<x>y")',
    ),
    (
        "tag_uri",
        "a: !<>\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!<>")',
    ),
    (
        "tag_uri_esc",
        "a: !<%zz>\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!<%zz>")',
    ),
    (
        "tag_uri_dec",
        "a: !<%ff>\n",
        'data/x.yml:1: a text starts with « ! », a sign YAML keeps for itself (put the whole text in quotes: a: "!<%ff>")',
    ),
    (
        "unknown_escape",
        'a: "bonjour \\q"\n',
        "data/x.yml:1: a backslash « \\ » in a text between double quotes (write it twice (\\\\), or put the text between single quotes)",
    ),
    (
        "anchor_bad",
        "a: &\n",
        'data/x.yml:1: a text starts with « & », a sign YAML keeps for itself (put the whole text in quotes: a: "&")',
    ),
    (
        "block_indent0",
        "a: |0\n  x\n",
        'data/x.yml:1: a text starts with « | », a sign YAML keeps for itself (put the whole text in quotes: a: "|0")',
    ),
    (
        "dup_anchor",
        "a: &x 1\nb: &x 2\n",
        "data/x.yml:1: YAML anchor &x is not allowed (remove the anchor and write the value out where it is used)",
    ),
    (
        "undef_alias",
        "a: *x\n",
        "data/x.yml:1: YAML alias *x is not allowed (write the value out instead of referring to an anchor)",
    ),
    (
        "block_node",
        "a:\n  - ]\n",
        "data/x.yml:2: a sign where YAML expects a value (write the value, or put the text in double quotes if it starts with a sign)",
    ),
]


def _reported(text: str) -> str:
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(text, "data/x.yml")
    return str(exc.value)


@pytest.mark.parametrize("case, text, expected", CASES, ids=[c[0] for c in CASES])
def test_each_syntax_error_is_told_at_its_line(case, text, expected):
    reported = _reported(text)
    assert reported == expected
    assert not re.search(r"<(block|flow|stream|document|scalar)|invalid YAML", reported), reported


def _pyyaml_strings() -> list[re.Pattern[str]]:
    """Every literal problem or context string of the errors raised in PyYAML's scanner, parser and composer,
    as a pattern (%r, %s, %d as any text)."""
    out = []
    folder = Path(yaml.__file__).parent
    for name in ("scanner.py", "parser.py", "composer.py"):
        for node in ast.walk(ast.parse((folder / name).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Error")):
                continue
            for arg in node.args:
                text = arg.left if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Mod) else arg
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    parts = re.split(r"%[rsd]", text.value)
                    out.append(re.compile(".+".join(map(re.escape, parts))))
    return out


def _raised(text: str) -> set[str]:
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return {str(exc.context or ""), str(exc.problem or "")}
    return set()


def test_every_string_pyyaml_can_raise_has_a_case():
    raised = set().union(*(_raised(text) for _, text, _ in CASES))
    patterns = _pyyaml_strings()
    assert len(patterns) > 40  # the scanner, parser and composer were read
    missing = [p.pattern for p in patterns if not any(p.fullmatch(text) for text in raised)]
    # The decoding error of a %-escaped tag is Python's own message (str(exc)): it has its case above (tag_uri_dec).
    assert missing == [], "PyYAML strings with no case in CASES: " + ", ".join(missing)


def test_a_list_pasted_under_an_empty_list_is_told_in_french():
    text = "weeks:\n  - starts: unknown\n    items: []\n      - date: unknown\n        channel: intranet\n"
    with pytest.raises(ProblemsError) as exc:
        parse_yaml(text, "data/campaigns/2028.yml")
    reported = format_problems(exc.value.problems, "fr")
    assert "«\u00a0items: []\u00a0»" in reported  # French typography: non-breaking spaces inside « »
    assert reported.replace("\u00a0", " ") == (
        "data/campaigns/2028.yml:3: « items: [] » dit que la liste est vide, et une liste le suit à la ligne 4 "
        "(écrivez « items: » seul sur cette ligne (sans []), les éléments en dessous)"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: &x 1\nb: &x 2\n", "data/x.yml:2: a text starts with « & », a sign YAML keeps for itself"),
        ("a: *x\n", "data/x.yml:1: a text starts with « * », a sign YAML keeps for itself"),
    ],
)
def test_the_composer_s_anchor_errors_are_told_too(text, expected):
    """The loader refuses anchors and aliases before PyYAML's composer sees them; the composer's own errors
    still have their words, should another loader raise them."""
    with pytest.raises(yaml.MarkedYAMLError) as exc:
        yaml.compose(text, Loader=yaml.SafeLoader)
    assert str(syntax_problem(exc.value, text, "data/x.yml")).startswith(expected)


@pytest.mark.parametrize("text", ["[a]: 1\n", "{a: 1}: 2\n", "a: !!int abc\n", "a: !foo x\n"])
def test_odd_keys_and_tags_are_problems_not_tracebacks(text):
    assert _reported(text).startswith("data/x.yml:1: a ")
