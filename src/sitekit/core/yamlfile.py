"""YAML loading that keeps the line of every key and item, refuses duplicate keys and names the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.text import decode_utf8
from sitekit.core.yamlerrors import constructor_problem, syntax_problem

# A location inside a document: keys and list indexes from the root.
Location = tuple[Any, ...]

MAX_DATA_BYTES = 1_000_000  # one data file (the largest today is about 25 kB): beyond, a mistake or an attack
MAX_DEPTH = 20  # nested lists and mappings (the data files use at most 6 levels)


@dataclass(frozen=True)
class YamlDocument:
    """Plain Python data (dicts, lists, scalars) plus the 1-based line of each location."""

    path: str
    data: Any
    lines: dict[Location, int]

    def line(self, location: Location) -> int:
        """Line of the location, or of its closest parent that has one."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Location) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag} is not allowed", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(
                        Problem(
                            self.path,
                            key_node.start_mark.line + 1,
                            ".".join(map(str, loc)) or "(root)",
                            "YAML merge keys (<<) are not supported",
                            "write the keys out",
                        )
                    )
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    raise yaml.constructor.ConstructorError(
                        None, None, "a key written as a list or a mapping", key_node.start_mark
                    )
                key = self.constructor.construct_object(key_node, deep=True)
                if key in result:
                    self.problems.append(
                        Problem(
                            self.path,
                            key_node.start_mark.line + 1,
                            _dotted(loc + (key,)),
                            "duplicate key",
                            "keep one of the two values",
                        )
                    )
                    continue
                self.lines[loc + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, loc + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError:
            # An impossible date such as 2024-02-30: keep the text so that the schema names the field.
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value
            # Only an explicit tag makes a plain value fail (!!int abc).
            raise yaml.constructor.ConstructorError(
                None, None, f"tag {node.tag} is not allowed", node.start_mark
            ) from None


def _dotted(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


class _RefusedSyntax(yaml.MarkedYAMLError):
    """YAML the data files do not use: the fix differs from a syntax error's."""

    def __init__(self, problem: str, fix: str, event: yaml.Event):
        # The pure-Python loader's marks (the stubs also allow the C loader's, which _Loader never uses).
        mark = event.start_mark if isinstance(event.start_mark, yaml.Mark) else None
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors (&name) and aliases (*name): an alias can refer to itself (endless
    recursion) or multiply a document (an alias bomb), and data files never need them. Nesting deeper than
    MAX_DEPTH is refused too: the parser would otherwise recurse until Python gives up."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        if self.depth >= MAX_DEPTH:
            raise _RefusedSyntax(
                f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                "check the indentation and the brackets on this line",
                event,
            )
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedSyntax(
                f"YAML alias *{event.anchor} is not allowed",
                "write the value out instead of referring to an anchor",
                event,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _RefusedSyntax(
                f"YAML anchor &{anchor} is not allowed",
                "remove the anchor and write the value out where it is used",
                event,
            )
        self.depth += 1
        try:
            # types-PyYAML says index is an int; PyYAML also passes a mapping value's key node.
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


# libyaml's parser, when PyYAML was built with it: the same nodes, lines and tags, ten times faster.
_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    """The node tree of `text`. With libyaml, the events are read first and the text composed by libyaml when
    nothing in them is what _Loader refuses (anchor, alias, deep nesting); anything else, and any error, goes
    through _Loader, whose checks and messages the documentation and tests quote."""
    if _FAST_LOADER is not None and _plain_events(text, _FAST_LOADER):
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_FAST_LOADER)
            return node
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _plain_events(text: str, loader: type[yaml.CSafeLoader]) -> bool:
    """True when libyaml reads `text` without error and finds no anchor, no alias and no nesting near MAX_DEPTH."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return False
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth >= MAX_DEPTH - 1:
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False
    return True


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse YAML text; raise ProblemsError naming `path` and the line on any syntax error."""
    if len(text) > MAX_DATA_BYTES:
        raise ProblemsError([_too_large(path, len(text.encode("utf-8")))])
    try:
        node = _compose(text)
    except _RefusedSyntax as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise ProblemsError([Problem(path, line, "", str(exc.problem), exc.fix)]) from None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == PYYAML_COLON_ERROR:  # « Semaine 1 : … »: every such line at once, each with its quoted form
            raise ProblemsError(colon_problems(text, path)) from None
        raise ProblemsError([syntax_problem(exc, text, path)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ProblemsError(
            [
                Problem(
                    path,
                    line,
                    "",
                    f"character U+{exc.character:04X} is not allowed in a data file"
                    if isinstance(exc.character, int)
                    else f"invalid YAML: {exc.reason}",
                    "delete it: an invisible control character, often from a copy and paste",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ProblemsError([Problem(path, 0, "", f"invalid YAML: {exc}", "fix the YAML syntax")]) from None
    if node is None:
        return YamlDocument(path, None, {(): 1})
    builder = _Builder(path)
    try:
        data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        raise ProblemsError([constructor_problem(exc, text, path)]) from None
    if builder.problems:
        raise ProblemsError(builder.problems)
    return YamlDocument(path, data, builder.lines)


def _too_large(path: str, size: int) -> Problem:
    return Problem(
        path,
        0,
        "",
        f"file of {size:,} bytes, over the limit of {MAX_DATA_BYTES:,} bytes for a data file",
        "split it or remove what it should not hold",
    )


def load_yaml(file: Path, display_path: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; an unreadable file is a problem, not a traceback."""
    shown = display_path or str(file)
    try:
        size = file.stat().st_size
        if size > MAX_DATA_BYTES:
            raise ProblemsError([_too_large(shown, size)])
        text = decode_utf8(file.read_bytes(), shown)
    except FileNotFoundError:
        raise ProblemsError([Problem(shown, 0, "", "file not found", "create it or fix the path")]) from None
    except OSError as exc:
        raise ProblemsError(
            [Problem(shown, 0, "", f"cannot read file: {exc.strerror}", "check the path and its permissions")]
        ) from None
    return parse_yaml(text, shown)


def load_mapping(file: Path, display_path: str, expected: str, fix: str) -> YamlDocument:
    """Read a YAML file whose top level must be a mapping; ProblemsError at line 1 (`expected`, `fix`) otherwise."""
    doc = load_yaml(file, display_path)
    if not isinstance(doc.data, dict):
        raise ProblemsError([Problem(doc.path, 1, "(root)", expected, fix)])
    return doc


# --- texts holding ": " ----------------------------------------------------------------------------

PYYAML_COLON_ERROR = "mapping values are not allowed here"  # PyYAML's words for a second ": " on a line
COLON_MESSAGE = "a colon followed by a space inside a text"
_KEY_LINE = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s\"'#][^:]*?):[ \t]+(?P<value>\S.*?)\s*")
MAX_COLON_LINES = 100


def _quoted(line: str, column: int) -> str | None:
    """The line with its value in double quotes, when the colon at `column` is inside the value of a
    `key: value` line (a colon on the continuation of a longer text cannot be repaired on its line alone)."""
    found = _KEY_LINE.fullmatch(line)
    if found is None or column <= found.end("key") or found["value"].startswith(('"', "'")):
        return None
    value = found["value"].replace("\\", "\\\\").replace('"', '\\"')
    return f'{found["lead"]}{found["key"]}: "{value}"'


def colon_problems(text: str, path: str) -> list[Problem]:
    """One problem per line whose text holds ": " (YAML reads it as a second key), each fix giving the line
    with its text quoted: the text is parsed again with each such line quoted, until no such line is left."""
    out: list[Problem] = []
    lines = text.splitlines()
    for _ in range(MAX_COLON_LINES):
        try:
            yaml.compose("\n".join(lines), Loader=_Loader)
            return out
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            if exc.problem != PYYAML_COLON_ERROR or mark is None or mark.line >= len(lines):
                return out or [syntax_problem(exc, "\n".join(lines), path)]
            key_line = _KEY_LINE.fullmatch(lines[mark.line])
            if key_line is not None and mark.column == key_line.end("key") and not key_line["key"][-1].isspace():
                # the colon of a key (« fr: »), not of a text (« … lignes : la suite »)
                return out + [syntax_problem(exc, "\n".join(lines), path)]
            repaired = _quoted(lines[mark.line], mark.column)
            if repaired is None:
                fix = 'put the whole text in quotes: key: "text : more text" (a quote inside it is written \\")'
                return out + [Problem(path, mark.line + 1, "", COLON_MESSAGE, fix)]
            out.append(
                Problem(path, mark.line + 1, "", COLON_MESSAGE, f"put the whole text in quotes: {repaired.strip()}")
            )
            lines[mark.line] = repaired
    return out
