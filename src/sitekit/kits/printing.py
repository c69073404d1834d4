"""One printable kit source made into every format it is published in (sitekit.kits.formats): laid out from the
print templates, checked to fit, with the pictures' alternative texts and the kit page's thumbnails.

Every output goes through `store` (kind, inputs, make): the build's cache reads it from there when the same inputs
made it before, so that a build where no kit changed lays nothing out. The inputs are the page's whole HTML (text,
colours, logo, pictogram and QR code are inlined in it) and the format; the engine (code, design, fonts, library
versions) is the cache's own part of the key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from sitekit.core.problems import Problem
from sitekit.kits.artwork import PrintArt, print_art
from sitekit.kits.fitting import LayoutError, Target
from sitekit.kits.formats import A3, QUIZ_A4, Format, ScreenText, alt_text, formats_of, output_name
from sitekit.kits.model import KitFile
from sitekit.kits.printable import PrintInfo
from sitekit.kits.printdoc import PrintDoc, plain
from sitekit.kits.quizview import QuizView

PRINT_THUMB_WIDTH = 420  # px: the kit page shows it at 210 (sharp on dense screens), the page head at 420
SCREEN_THUMB_WIDTH = 480  # px, shown at 240

Store = Callable[[str, Sequence[str | bytes], Callable[[], bytes]], bytes]


def no_store(kind: str, inputs: Sequence[str | bytes], make: Callable[[], bytes]) -> bytes:
    """Make everything (no cache)."""
    return make()


class PrintTemplates(Protocol):
    """The print templates: the page's HTML for a format and a body type size, and the design's stylesheet."""

    @property
    def print_css(self) -> Path: ...

    def print_html(
        self, doc: PrintDoc, info: PrintInfo, fmt: Format, fit: float, art: PrintArt, hyphenate: bool = True
    ) -> str: ...


class QuizTemplates(Protocol):
    """The printable quiz's template: its HTML for the questions' and the answers' type sizes."""

    @property
    def print_css(self) -> Path: ...

    def quiz_html(
        self, quiz: QuizView, title: str, info: PrintInfo, art: PrintArt, fit_questions: float, fit_answers: float
    ) -> str: ...


@dataclass(frozen=True)
class Rendition:
    """A printable source in one format."""

    file: KitFile
    format: Format
    name: str  # in the archive, beside the source: affiche.fr.a4.pdf
    data: bytes
    alt: str  # a picture's alternative text ('' for a PDF)
    thumb: bytes  # the kit page's picture of it (b'' for the A3 poster: the A4's shows the same design)


class PrintError(Exception):
    """A source that does not fit its formats: every problem, with file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def print_source(
    doc: PrintDoc,
    info: PrintInfo,
    file: KitFile,
    templates: PrintTemplates,
    screen_text: ScreenText,
    store: Store = no_store,
) -> list[Rendition]:
    """Every format of the source; PrintError with the problems of every format that does not fit."""
    art = print_art(info, doc, store)
    links = _links(doc, info)
    problems: list[Problem] = []
    out: list[Rendition] = []
    for fmt in formats_of(file):
        target = Target(doc.path, doc.headline_line, fmt.label, links)
        base_html = templates.print_html(doc, info, fmt, 0.0, art, True)

        def make(fmt: Format = fmt, target: Target = target) -> bytes:
            from sitekit.kits import render  # WeasyPrint and PDFium, imported only when something is drawn

            if fmt.is_pdf:
                return render.fit_page(_page_html(templates, doc, info, fmt, art), fmt, target, templates.print_css)[0]
            return render.fit_picture(_page_html(templates, doc, info, fmt, art), fmt, target, templates.print_css)

        try:
            data = store(fmt.media, [fmt.id, fmt.template, base_html], make)
        except LayoutError as exc:
            problems += [p for p in exc.problems if p not in problems]
            continue
        if fmt is A3:
            thumb = b""
        else:
            width = PRINT_THUMB_WIDTH if fmt.is_pdf else SCREEN_THUMB_WIDTH
            thumb = store("thumb.png", [fmt.media, str(width), data], partial(_thumbnail, data, fmt.media, width))
        alt = "" if fmt.is_pdf else alt_text(doc, fmt, screen_text)
        out.append(Rendition(file, fmt, output_name(file, fmt), data, alt, thumb))
    if problems:
        raise PrintError(problems)
    return out


def _thumbnail(data: bytes, media: str, width: int) -> bytes:
    from sitekit.kits import render  # imported only when a thumbnail is not in the cache

    return render.thumbnail(data, media, width)


def _page_html(
    templates: PrintTemplates, doc: PrintDoc, info: PrintInfo, fmt: Format, art: PrintArt
) -> Callable[[float, bool], str]:
    return lambda fit, hyphenate: templates.print_html(doc, info, fmt, fit, art, hyphenate)


def _links(doc: PrintDoc, info: PrintInfo) -> tuple[tuple[str, str], ...]:
    """(address, description) of every link of the page: the kit's page, then the source's links."""
    out = {info.url: f"{info.kit_title}: {info.url}"}
    for block in (*doc.body, *doc.sources):
        for spans in (block.spans, *block.items):
            for span in spans:
                if span.href and span.href not in out:
                    out[span.href] = span.href if span.text == span.href else f"{span.text}: {span.href}"
    if doc.action:
        for span in doc.action:
            if span.href and span.href not in out:
                out[span.href] = f"{plain((span,))}: {span.href}"
    return tuple(out.items())


def print_quiz(
    quiz: QuizView, title: str, info: PrintInfo, shown: str, templates: QuizTemplates, store: Store = no_store
) -> bytes:
    """The printable quiz as an A4 PDF (the questions, then the answers from the second page on); `shown` is its
    data file as messages show it."""
    art = print_art(info, PrintDoc(shown, (), 0, ()), store)
    links = {info.url: f"{info.kit_title}: {info.url}"}
    links |= {q.source: q.source for q in quiz.questions if q.source and q.source not in links}
    target = Target(shown, 0, QUIZ_A4.label, tuple(links.items()))
    base_html = templates.quiz_html(quiz, title, info, art, 0.0, 0.0)

    def make() -> bytes:
        from sitekit.kits import render  # WeasyPrint and PDFium, imported only when something is drawn

        return render.fit_quiz(
            lambda questions, answers: templates.quiz_html(quiz, title, info, art, questions, answers),
            target,
            templates.print_css,
        )

    return store(QUIZ_A4.media, [QUIZ_A4.id, QUIZ_A4.template, base_html], make)
