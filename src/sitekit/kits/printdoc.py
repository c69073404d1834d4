"""A printable kit source (poster or reflex sheet) read into what a printed page shows, each part with its line.

The Markdown subset of kits/README.md:

    # The headline (one)
    A paragraph: the lead.
    ## A heading
    - a bullet, [a link](https://…), **bold**, a bare https://… address
    > The call to action (one on a poster)
    ![What the picture shows](picture.svg)   (optional: replaces the theme's pictogram)
    Source : … (a paragraph starting with "Source", up to a colon: printed small, at the bottom)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sitekit.core.problems import Problem

_INLINE = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)"  # [text](address)
    r"|\*\*(?P<strong>.+?)\*\*|__(?P<strong2>.+?)__"  # **bold**
    r"|`(?P<code>[^`]+)`"  # `code`, printed as plain text
    r"|(?P<url>https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?»”’])"  # a bare address, without the punctuation after it
)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)\)\s*")
_SOURCE = re.compile(r"Sources?\b[^:.]{0,30}:")  # "Source :", "Sources:", "Source du chiffre :"
_ITEM = re.compile(r"([-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Span:
    """A run of text, a link or bold text."""

    text: str
    href: str | None = None
    strong: bool = False


Inline = tuple[Span, ...]


def plain(spans: Inline) -> str:
    """The text a reader sees (a link's text, not its address)."""
    return "".join(span.text for span in spans)


def inline(text: str) -> Inline:
    """Inline Markdown as spans: links, bold, code (as text) and bare addresses (as links to themselves)."""
    out: list[Span] = []
    at = 0
    for match in _INLINE.finditer(text):
        if match.start() > at:
            out.append(Span(text[at : match.start()]))
        if match["text"] is not None:
            out.append(Span(match["text"], match["href"]))
        elif match["url"] is not None:
            out.append(Span(match["url"], match["url"]))
        elif match["code"] is not None:
            out.append(Span(match["code"]))
        else:
            out.append(Span(match["strong"] or match["strong2"], strong=True))
        at = match.end()
    if at < len(text):
        out.append(Span(text[at:]))
    return tuple(out)


def keep_last_words_together(spans: Inline) -> Inline:
    """The last two words joined by a no-break space: the last line never holds one word alone.

    (Not an unbreakable inline box around them: WeasyPrint 70 then breaks the line one word too early.)"""
    for index in range(len(spans) - 1, -1, -1):
        span = spans[index]
        text = span.text.rstrip()
        if not text.strip():
            continue
        head, space, tail = text.rpartition(" ")
        if span.href is not None or not space or not head.strip() or not tail:
            return spans  # the last word is a link, or the span holds one word: left as written
        joined = Span(f"{head}\u00a0{tail}{span.text[len(text) :]}", span.href, span.strong)
        return (*spans[:index], joined, *spans[index + 1 :])
    return spans


@dataclass(frozen=True)
class Block:
    """A paragraph, a heading or a list (`items`), from `line` of the source."""

    kind: str  # "paragraph", "heading" or "list"
    line: int
    spans: Inline = ()
    items: tuple[Inline, ...] = ()

    @property
    def text(self) -> str:
        return plain(self.spans) if self.kind != "list" else " ".join(plain(item) for item in self.items)


@dataclass(frozen=True)
class Picture:
    """A picture the source asks for instead of the theme's pictogram."""

    alt: str
    file: Path
    line: int


@dataclass(frozen=True)
class PrintDoc:
    """What a poster or reflex sheet says, read from its Markdown source (`path` as messages show it)."""

    path: str
    headline: Inline
    headline_line: int
    body: tuple[Block, ...]
    action: Inline = ()  # the call to action (a > line)
    action_line: int = 0
    sources: tuple[Block, ...] = ()  # "Source : …" paragraphs
    picture: Picture | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def title(self) -> str:
        return plain(self.headline).replace("\u00a0", " ")

    @property
    def lead(self) -> Block | None:
        """The paragraph right after the headline, if the source opens with one."""
        return self.body[0] if self.body and self.body[0].kind == "paragraph" else None


def read_printable(markdown: str, path: str, folder: Path, poster: bool) -> PrintDoc:
    """The source of a poster (`poster`) or reflex sheet, as a PrintDoc whose `problems` say what does not fit the
    format: no headline or two, no call to action on a poster or two, a picture without alternative text or file."""
    problems: list[Problem] = []
    headline: tuple[Inline, int] | None = None
    body: list[Block] = []
    sources: list[Block] = []
    action: tuple[list[str], int] | None = None
    picture: Picture | None = None
    para: list[str] = []
    para_line = 0
    items: list[tuple[list[str], int]] = []

    def flush() -> None:
        nonlocal para_line
        if para:
            text = " ".join(para)
            block = Block("paragraph", para_line, inline(text))
            (sources if _SOURCE.match(text) else body).append(block)
            para.clear()
        if items:
            body.append(Block("list", items[0][1], items=tuple(inline(" ".join(words)) for words, _ in items)))
            items.clear()

    in_action = False
    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if not line.startswith(">"):
            in_action = False
        if not line or (line.startswith("<!--") and line.endswith("-->")):
            flush()
        elif line.startswith("# "):
            flush()
            if headline is not None:
                problems.append(
                    Problem(
                        path,
                        number,
                        "headline",
                        f"a second # headline (the first is at line {headline[1]})",
                        "keep one # headline; make this one a ## heading",
                    )
                )
            else:
                headline = (inline(line[2:].strip()), number)
        elif line.startswith("#"):
            flush()
            body.append(Block("heading", number, keep_last_words_together(inline(line.lstrip("#").strip()))))
        elif line.startswith(">"):
            flush()
            text = line[1:].strip()
            if in_action and action is not None:
                action[0].append(text)
            elif action is not None:
                problems.append(
                    Problem(
                        path,
                        number,
                        "action",
                        f"a second call to action (the first is at line {action[1]})",
                        "keep one > line: the one thing readers should do",
                    )
                )
            else:
                action = ([text], number)
            in_action = True
        elif image := _IMAGE.fullmatch(line):
            flush()
            picture = _picture(image["alt"].strip(), image["src"], number, path, folder, problems) or picture
        elif item := _ITEM.match(line):
            if para:
                flush()
            items.append(([line[item.end() :]], number))
        elif items and raw.startswith(("  ", "\t")) and not para:
            items[-1][0].append(line)
        else:
            if items:
                flush()
            if not para:
                para_line = number
            para.append(line)
    flush()
    if headline is None:
        problems.append(
            Problem(path, 1, "headline", "no # headline", "start the file with one line such as: # Un doute ? Signalez")
        )
    if poster and action is None:
        problems.append(
            Problem(
                path,
                headline[1] if headline else 1,
                "action",
                "no call to action",
                "add one line starting with > saying the one thing to do, e.g. > Un doute ? Ne cliquez pas, signalez.",
            )
        )
    return PrintDoc(
        path=path,
        headline=keep_last_words_together(headline[0]) if headline else (Span(""),),
        headline_line=headline[1] if headline else 1,
        body=tuple(body),
        action=keep_last_words_together(inline(" ".join(action[0]))) if action else (),
        action_line=action[1] if action else 0,
        sources=tuple(sources),
        picture=picture,
        problems=tuple(problems),
    )


def _picture(alt: str, src: str, line: int, path: str, folder: Path, problems: list[Problem]) -> Picture | None:
    if not alt:
        problems.append(
            Problem(
                path,
                line,
                "image",
                f"the picture {src!r} has no alternative text",
                "write what it shows between the brackets: ![Un hameçon accroché à une enveloppe](image.svg)",
            )
        )
        return None
    parts = PurePosixPath(src).parts
    file = folder / src
    if not src or ".." in parts or PurePosixPath(src).is_absolute() or "://" in src or not file.is_file():
        problems.append(
            Problem(
                path,
                line,
                "image",
                f"picture {src!r} not found in the kit folder",
                "put the SVG or PNG file in the kit folder and write its name, e.g. ![…](affiche.svg)",
            )
        )
        return None
    if file.suffix.lower() not in (".svg", ".png"):
        problems.append(
            Problem(path, line, "image", f"{src!r} is not an SVG or PNG picture", "use an .svg or .png file")
        )
        return None
    return Picture(alt, file, line)
