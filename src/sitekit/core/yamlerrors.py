"""PyYAML's syntax errors told in an author's words, at the line to change, with a fix that works.

PyYAML (scanner.py, parser.py, composer.py) names its own tokens (« expected <block end>, but found
'<block sequence start>' »); an author needs to know which line to change and how. `syntax_problem` reads the
error's problem and context strings, the line they point at and the lines around it, and returns one problem in
plain words. Every problem and context string the pure-Python loader can raise has its case here (a test
writes each one); an error this module does not know keeps PyYAML's words, under "invalid YAML".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from sitekit.core.problems import Problem

FIX_QUOTE_TEXT = 'put the whole text in double quotes: key: "text" (a double quote inside it is written \\")'
FIX_ALIGN = (
    "start this line with as many spaces as the other lines of its group (the keys or « - » items it belongs with)"
)

# A key line: its lead (spaces, a list dash), key and value; a list item: its lead and value.
_KEY_VALUE = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s\"'#\-][^:]*?):[ \t]+(?P<value>\S.*?)\s*")
_ITEM = re.compile(r"(?P<lead>\s*-\s+)(?P<value>\S.*?)\s*")
_EMPTY_COLLECTION = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s#][^:]*?):\s*(?P<empty>\[\s*\]|\{\s*\})\s*(?:#.*)?")
_BLOCK_START = ("'<block mapping start>'", "'<block sequence start>'", "'-'", "'?'")
_SIGN_CONTEXTS = {
    "while scanning an anchor": "&",
    "while scanning an alias": "*",
    "while scanning a tag": "!",
    "while parsing a tag": "!",
    "while scanning a tag handle": "!",
    "while scanning a tag URI": "!",
    "while parsing a tag URI": "!",
    "while parsing a node": "!",  # found undefined tag handle '!x!'
}


def quoted_line(line: str) -> str | None:
    """The line with its value (of `key: value` or `- value`) in double quotes; None when it has none.
    A value already between one pair of quotes is given its inner text (an apostrophe stays as it is)."""
    found = _KEY_VALUE.fullmatch(line) or _ITEM.fullmatch(line)
    if found is None:
        return None
    value = found["value"]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" and value.count(value[0]) >= 2:
        value = value[1:-1]
        if found["value"][0] == "'":
            value = value.replace("''", "'")
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    key = f"{found['key']}: " if "key" in found.groupdict() else ""
    return f'{found["lead"]}{key}"{value}"'.strip()


def _previous_line(lines: list[str], index: int) -> int | None:
    """Index of the closest line before `index` holding something other than spaces and a comment."""
    for i in range(min(index, len(lines)) - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


@dataclass(frozen=True)
class _Error:
    """A PyYAML error and the text it was raised on: the lines it points at, and how to name them."""

    lines: list[str]
    path: str
    pmark: yaml.Mark | None
    cmark: yaml.Mark | None

    @property
    def at_problem(self) -> int:
        mark = self.pmark or self.cmark
        return mark.line if mark is not None else -1

    @property
    def at_context(self) -> int:
        return self.cmark.line if self.cmark is not None else self.at_problem

    def line_text(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def problem(self, index: int, message: str, fix: str) -> Problem:
        return Problem(self.path, index + 1 if index >= 0 else 0, "", message, fix)

    def quote_fix(self, index: int) -> str:
        corrected = quoted_line(self.line_text(index))
        return f"put the whole text in quotes: {corrected}" if corrected else FIX_QUOTE_TEXT


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """The problem a PyYAML syntax error reports, at the line to change, in an author's words."""
    error = _Error(text.splitlines(), path, exc.problem_mark, exc.context_mark)
    lines, problem, quote_fix, line_text = error.lines, error.problem, error.quote_fix, error.line_text
    problem_text = str(exc.problem or "")
    context = str(exc.context or "")
    at_problem, at_context, cmark = error.at_problem, error.at_context, error.cmark

    # --- the scanner ------------------------------------------------------------------------------------
    if problem_text == "found character '\\t' that cannot start any token":
        return problem(
            at_problem,
            "a tab instead of spaces",
            "replace the tab with spaces: YAML aligns lines with spaces only",
        )
    found = re.fullmatch(r"found character '(.+)' that cannot start any token", problem_text)
    if found is not None:
        return problem(
            at_problem, f"a text starts with « {found[1]} », a sign YAML keeps for itself", quote_fix(at_problem)
        )
    if context == "while scanning a simple key":
        return problem(
            at_context,
            "this line has no colon after its key, or continues the text of a line above",
            "add « : » after the key (key: value); a text on several lines goes in double quotes, starting on the "
            "line of its key",
        )
    if problem_text == "sequence entries are not allowed here":
        return problem(
            at_problem,
            "a « - » list item where YAML expects a text",
            "put each « - » item on a line of its own under the key, two spaces further right (or write the list "
            "in brackets: key: [a, b]); a text that starts with « - » goes in double quotes",
        )
    if problem_text == "mapping keys are not allowed here":
        sign = "?"
        return problem(
            at_problem, f"a text starts with « {sign} », a sign YAML keeps for itself", quote_fix(at_problem)
        )
    if problem_text == "mapping values are not allowed here":
        previous = _previous_line(lines, at_problem)
        return problem(
            at_problem,
            "a key further right than the line above, which already has its value",
            f"align this key with the keys of line {previous + 1 if previous is not None else 1}, or leave nothing "
            "after the colon of the line above if this key belongs under it",
        )
    if context == "while scanning a directive" or problem_text.startswith(
        ("found duplicate YAML directive", "found incompatible YAML document", "duplicate tag handle")
    ):
        return problem(
            at_context,
            "a line starts with « % », a sign YAML keeps for itself",
            "put the text in double quotes, or remove the line",
        )
    reserved = _SIGN_CONTEXTS.get(context)
    if reserved is not None:
        return problem(
            at_context, f"a text starts with « {reserved} », a sign YAML keeps for itself", quote_fix(at_context)
        )
    if context == "while scanning a block scalar":
        column = cmark.column if cmark is not None else 0
        sign = line_text(at_context)[column : column + 1] or "|"
        return problem(
            at_context, f"a text starts with « {sign} », a sign YAML keeps for itself", quote_fix(at_context)
        )
    if context == "while scanning a double-quoted scalar":
        return problem(
            at_problem,
            "a backslash « \\ » in a text between double quotes",
            "write it twice (\\\\), or put the text between single quotes",
        )
    if context == "while scanning a quoted scalar":
        column = cmark.column if cmark is not None else 0
        mark = line_text(at_context)[column : column + 1] or '"'
        return problem(
            at_context,
            f"the quotation mark {mark} that opens the text on this line is never closed",
            f"end the text with {mark} on the same line (between single quotes, an apostrophe is written twice: '')",
        )

    # --- the parser ---------------------------------------------------------------------------------------
    found = re.fullmatch(r"expected <block end>, but found (.+)", problem_text)
    if found is not None:
        return _misplaced(error, found[1])
    found = re.fullmatch(r"expected '?<document start>'?, but found (.+)", problem_text)
    if found is not None:
        for index in range(at_problem, -1, -1):
            if line_text(index).startswith("%"):
                return problem(
                    index,
                    "a line starts with « % », a sign YAML keeps for itself",
                    "put the text in double quotes, or remove the line",
                )
            if line_text(index).rstrip() == "...":
                return problem(index, "a line « ... » ends the data before the lines below it", "remove this line")
        return problem(at_problem, "text after the end of the data", "remove the « ... » line above it")
    found = re.fullmatch(r"expected ',' or '([\]}])', but got (.+)", problem_text)
    if found is not None:
        closing = found[1]
        opening = "[" if closing == "]" else "{"
        if at_problem > at_context or found[2] == "'<stream end>'":
            return problem(
                at_context,
                f"« {opening} » opened on this line is not closed on it",
                f"close it with « {closing} » on the same line",
            )
        return problem(
            at_context,
            f"values inside « {opening} {closing} » without a comma between them",
            'separate the values with commas; a value holding « : » goes in double quotes: {fr: "…", en: "…"}'
            if opening == "{"
            else 'separate the values with commas; a value holding « : » goes in double quotes: [a, "b : c"]',
        )
    if problem_text.startswith("expected the node content, but found"):
        if problem_text.endswith("'<stream end>'"):
            opened = next(
                (i for i in range(at_context, -1, -1) if "[" in line_text(i) or "{" in line_text(i)), at_context
            )
            return problem(opened, "a list in brackets is not closed", "close it with « ] » (or « } ») on this line")
        return problem(
            at_problem,
            "a sign where YAML expects a value",
            "write the value, or put the text in double quotes if it starts with a sign",
        )

    # --- the composer ------------------------------------------------------------------------------------
    if context == "expected a single document in the stream":
        return problem(
            at_problem, "a line « --- » in the middle of the file", "remove this line: a data file holds one document"
        )
    if problem_text.startswith("found undefined alias") or context.startswith("found duplicate anchor"):
        sign = "*" if "alias" in problem_text else "&"
        return problem(
            at_problem, f"a text starts with « {sign} », a sign YAML keeps for itself", quote_fix(at_problem)
        )
    return problem(at_problem, f"invalid YAML: {problem_text}", "check indentation, colons and quotes on this line")


def _misplaced(error: _Error, found: str) -> Problem:
    """`expected <block end>, but found X`: a line out of its group's alignment, a list pasted under `key: []`,
    or text after a closing quote or bracket."""
    lines, problem, quote_fix = error.lines, error.problem, error.quote_fix
    at_problem, at_context, pmark = error.at_problem, error.at_context, error.pmark
    line = lines[at_problem] if 0 <= at_problem < len(lines) else ""
    column = pmark.column if pmark is not None else 0
    starts_line = not line[:column].strip() or line[:column].strip() == "-"
    if found in _BLOCK_START and starts_line:
        previous = _previous_line(lines, at_problem)
        empty = _EMPTY_COLLECTION.fullmatch(lines[previous]) if previous is not None else None
        if empty is not None and previous is not None:
            key = empty["key"].strip()
            return problem(
                previous,
                f"« {key}: {empty['empty']} » says the list is empty, and a list follows it on line {at_problem + 1}",
                f"write « {key}: » alone on this line (without {empty['empty']}), the items under it",
            )
        if found == "'-'" and pmark is not None:
            return problem(
                at_problem,
                "a « - » list item among keys",
                "a list goes under a key ending with « : », its « - » items two spaces further right than the key",
            )
        if found == "'?'":
            return problem(
                at_problem,
                "a key among « - » list items",
                "start this line with « - » like the other items, or move it right, under the item it belongs to",
            )
        return problem(
            at_problem, f"this line is not aligned with the lines of its group (from line {at_context + 1})", FIX_ALIGN
        )
    before = line[:column].rstrip()
    if before.endswith(("'", '"')):
        return problem(at_problem, f"text after the closing quotation mark {before[-1]}", quote_fix(at_problem))
    if before.endswith(("]", "}")):
        return problem(
            at_problem,
            f"text after the closing « {before[-1]} »",
            "put every value inside the brackets, separated by commas",
        )
    if starts_line:
        return problem(
            at_problem, f"this line is not aligned with the lines of its group (from line {at_context + 1})", FIX_ALIGN
        )
    return problem(
        at_problem,
        "a sign where YAML expects a value",
        "write the value, or put the text in double quotes if it starts with a sign",
    )


def constructor_problem(exc: yaml.constructor.ConstructorError, text: str, path: str) -> Problem:
    """A value PyYAML cannot make: a tag (`!name`, `!!python/…`) or a key written as a list or a mapping."""
    error = _Error(text.splitlines(), path, exc.problem_mark, exc.context_mark)
    problem_text = str(exc.problem or "")
    if problem_text == "a key written as a list or a mapping":
        return error.problem(
            error.at_problem,
            "a key written as a list or a mapping",
            "write the key as a word followed by « : » (key: value); a text in brackets goes in double quotes",
        )
    if "tag" in problem_text:
        sign = "!"
        return error.problem(
            error.at_problem,
            f"a text starts with « {sign} », a sign YAML keeps for itself",
            error.quote_fix(error.at_problem),
        )
    return error.problem(
        error.at_problem, f"invalid value: {problem_text}", "write a plain string, number, date, list or mapping"
    )
