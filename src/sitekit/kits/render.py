"""Posters, reflex sheets and screen pictures laid out by WeasyPrint from HTML and CSS: a tagged PDF/UA-1 page with
its fonts embedded, or a PNG picture rasterised from that page by PDFium. The body's type is made as large as the
page allows, within limits; what does not fit even in the smallest type is refused, never clipped.

Heavy to import (WeasyPrint, PDFium): sitekit.kits.package imports this module only when an output is not in the
cache."""

from __future__ import annotations

import io
import logging
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydyf
import pypdfium2
from PIL import Image
from weasyprint import CSS, HTML, Document
from weasyprint.formatting_structure.boxes import Box, LineBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Problem
from sitekit.kits.fitting import LIMITS, QUIZ_LIMITS, LayoutError, Limits, Target
from sitekit.kits.formats import Format
from sitekit.kits.printable import FAMILY, FONT_FILES

CSS_PX_PER_MM = 96 / 25.4
PDF_VARIANT = "pdf/ua-1"
FIT_STEP = 0.05


class EngineError(RuntimeError):
    """WeasyPrint complained about the design itself (a stylesheet or template mistake, a refused resource)."""


@dataclass(frozen=True)
class Layout:
    """What a laid-out page measured, in CSS pixels."""

    pages: int
    headline_lines: int
    headline_last_words: int  # words on the headline's last line (a piece of a hyphenated word counts as one)
    headline_too_wide: bool  # a line (its last two words are kept together) runs past its right edge
    overflow: float  # how far the body runs past its room (negative: room left)
    body_height: float
    over_line: int  # source line of the first block past the room (0: none)


# --- the engine -----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _fonts() -> FontConfiguration:
    return FontConfiguration()


def _stylesheet(css_file: Path) -> tuple[CSS, CSS]:
    """The embedded fonts and the design, parsed (once per process, and again when print.css changed: _stylesheets)."""
    faces = "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; src: url("{path.as_uri()}"); }}'
        for weight, path in FONT_FILES.items()
    )
    fonts = _fonts()
    return CSS(string=faces, font_config=fonts, url_fetcher=_LocalOnly()), CSS(
        filename=str(css_file), font_config=fonts, url_fetcher=_LocalOnly()
    )


_stylesheets: FileMemo[tuple[CSS, CSS]] = FileMemo()


class _LocalOnly(URLFetcher):  # type: ignore[misc]  # (WeasyPrint ships no type information)
    """Only the embedded fonts and data: addresses (pictures are inlined): the layout never reaches the network."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self.allowed = {path.as_uri() for path in FONT_FILES.values()}

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("data:") or url in self.allowed:
            return super().fetch(url, headers)
        raise EngineError(f"the print design asked for {url!r}: only the embedded fonts and data: pictures are allowed")


class _Complaints(logging.Handler):
    """WeasyPrint's warnings and errors while laying out one document."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def lay_out_plain(html: str, css_file: Path) -> Document:
    """The document laid out (several pages, nothing measured); EngineError when WeasyPrint complained."""
    fonts, design = _stylesheets.get(css_file, [css_file], lambda: _stylesheet(css_file))
    complaints = _Complaints()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(complaints)
    try:
        document = HTML(string=html, url_fetcher=_LocalOnly()).render(
            stylesheets=[fonts, design], font_config=_fonts(), pdf_variant=PDF_VARIANT
        )
    finally:
        logger.removeHandler(complaints)
    if complaints.messages:
        raise EngineError("WeasyPrint: " + "; ".join(complaints.messages))
    return document


def lay_out(html: str, css_file: Path) -> tuple[Document, Layout]:
    """The page laid out, and what it measured; EngineError when WeasyPrint complained."""
    document = lay_out_plain(html, css_file)
    return document, _measure(document)


def _boxes(document: Document) -> Iterator[tuple[int, Box]]:
    for number, page in enumerate(document.pages):
        yield from ((number, box) for box in page._page_box.descendants(placeholders=True))


def _by_id(document: Document) -> dict[str, tuple[int, Box]]:
    """Each element with an id: its page number and outermost box."""
    found: dict[str, tuple[int, Box]] = {}
    for number, box in _boxes(document):
        element = getattr(box, "element", None)
        ident = element.get("id") if element is not None else None
        if ident and ident not in found:  # the element's outermost box
            found[ident] = (number, box)
    return found


def _measure(document: Document) -> Layout:
    found = _by_id(document)
    height = document.pages[0].height
    headline = found["headline"][1]
    lines = [child for child in headline.children if isinstance(child, LineBox)]
    right = headline.content_box_x() + headline.width
    wide = any(box.position_x + box.margin_width() > right + 0.5 for line in lines for box in line.children)
    last = "".join(getattr(box, "text", "") for box in lines[-1].descendants()) if lines else ""
    last_words = len(re.findall(r"\w[\w’'-]*", last))
    room = float(found["bottom"][1].position_y)  # the top of what stays at the bottom, on whichever page it is

    def bottom_of(ident: str) -> float:
        page, box = found[ident]
        return float(page * height + box.position_y + box.margin_height())

    end = bottom_of("body-end")
    blocks = sorted((bottom_of(ident), int(ident[1:])) for ident in found if ident[:1] == "l" and ident[1:].isdigit())
    over = next((line for bottom, line in blocks if bottom > room), blocks[-1][1] if blocks and end > room else 0)
    body = found.get("body")
    top = body[0] * height + body[1].position_y if body else 0.0
    return Layout(len(document.pages), len(lines), last_words, wide, end - room, end - top, over)


def pdf_bytes(document: Document, links: tuple[tuple[str, str], ...]) -> bytes:
    """The tagged PDF: each link annotation described in words, hyphens added by the layout read as soft hyphens
    (a screen reader or a copy-paste gets each word whole)."""
    descriptions = dict(links)

    def finish(_: Document, pdf: pydyf.PDF) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Subtype") == "/Link" and "A" in obj:
                uri = obj["A"]["URI"]
                address = uri.string if isinstance(uri, pydyf.String) else str(uri)
                if address in descriptions:
                    obj["Contents"] = pydyf.String(descriptions[address])
            elif isinstance(obj, pydyf.Stream) and b"/CMapName /Adobe-Identity-UCS def" in obj.stream:
                obj.stream = [
                    line.replace(b"> <2010>", b"> <00ad>") if isinstance(line, bytes) else line for line in obj.stream
                ]

    data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, finisher=finish)
    return data


# --- fitting ---------------------------------------------------------------------------------------------------


# The page's HTML for a body type size (rem) and whether the headline may be hyphenated.
PageHtml = Callable[[float, bool], str]


def fit_page(html_for: PageHtml, fmt: Format, target: Target, css_file: Path) -> tuple[bytes, float]:
    """The PDF of a poster or sheet whose body type is as large as its page allows (and the size chosen, in rem);
    LayoutError when the headline is too long or the body overflows even in the smallest type."""
    limits = LIMITS[fmt.template]
    fit = limits.base
    document, layout, hyphenate = _headline_laid_out(html_for, fit, css_file)
    _check_headline(layout, limits, target)
    if layout.overflow > 0 or layout.pages > 1:
        fit = _step_down(fit)
        while fit >= limits.low - 1e-9:
            document, layout = lay_out(html_for(fit, hyphenate), css_file)
            if layout.overflow <= 0 and layout.pages == 1:
                return pdf_bytes(document, target.links), fit
            fit = _step_down(fit)
        raise LayoutError([_overflow_problem(layout, target, fmt)])
    room = layout.body_height - layout.overflow
    if layout.body_height > 0 and room > layout.body_height:
        grown = _filling(limits.base, layout.body_height, room, limits)
        while grown > fit + 1e-9:
            bigger, measured = lay_out(html_for(grown, hyphenate), css_file)
            if measured.overflow <= 0 and measured.pages == 1:
                document, fit = bigger, grown
                break
            grown = _step_down(grown)
        # The estimate errs on the small side: a step or two more may still fit.
        for _ in range(2):
            grown = round(fit + FIT_STEP, 2)
            if grown > limits.high + 1e-9 or fit == limits.base:
                break
            bigger, measured = lay_out(html_for(grown, hyphenate), css_file)
            if measured.overflow > 0 or measured.pages > 1:
                break
            document, fit = bigger, grown
    return pdf_bytes(document, target.links), fit


def fit_picture(html_for: PageHtml, fmt: Format, target: Target, css_file: Path) -> bytes:
    """The PNG of a screen picture (exactly fmt.width × fmt.height pixels); LayoutError when its texts overflow."""
    document, layout, _ = _headline_laid_out(html_for, LIMITS[fmt.template].base, css_file)
    _check_headline(layout, LIMITS[fmt.template], target)
    if layout.overflow > 0 or layout.pages > 1:
        raise LayoutError([_overflow_problem(layout, target, fmt)])
    return png_of(pdf_bytes(document, target.links), fmt.width)


def _headline_laid_out(html_for: PageHtml, fit: float, css_file: Path) -> tuple[Document, Layout, bool]:
    """The page laid out with its headline hyphenated by the dictionary, unless that leaves one word (or the end
    of one) alone on its last line: then laid out again with the headline's words whole (the last two are always
    kept together)."""
    document, layout = lay_out(html_for(fit, True), css_file)
    if layout.headline_last_words >= 2:
        return document, layout, True
    document, layout = lay_out(html_for(fit, False), css_file)
    return document, layout, False


def _step_down(fit: float) -> float:
    return round(fit - FIT_STEP, 2)


def _check_headline(layout: Layout, limits: Limits, target: Target) -> None:
    if layout.headline_too_wide:
        raise LayoutError(
            [
                Problem(
                    target.path,
                    target.headline_line,
                    "headline",
                    f"a line is wider than the {target.label} (its last two words are kept together on one line)",
                    "shorten its last words",
                )
            ]
        )
    if layout.headline_lines > limits.headline_lines:
        raise LayoutError(
            [
                Problem(
                    target.path,
                    target.headline_line,
                    "headline",
                    f"takes {layout.headline_lines} lines on the {target.label}, {limits.headline_lines} at most",
                    f"shorten it to {limits.headline_lines} lines (move details to the paragraph below it)",
                )
            ]
        )


def _overflow_problem(layout: Layout, target: Target, fmt: Format) -> Problem:
    fix = "shorten it (a poster says one thing: details belong in the reflex sheet or the article), or split it"
    if fmt.is_pdf:
        amount = f"{max(layout.overflow / CSS_PX_PER_MM, 1):.0f}"
        message = f"the text from this line on runs {amount} mm past the room of the {target.label}, even in the smallest type"
    else:
        amount = f"{max(layout.overflow, 1):.0f}"
        message = f"the text from this line on runs {amount} px past the room of the {target.label}"
    return Problem(target.path, layout.over_line or target.headline_line, "body", message, fix)


# The printable quiz's HTML for the questions' and the answers' type sizes (rem).
QuizHtml = Callable[[float, float], str]


@dataclass(frozen=True)
class Part:
    """A part of the printable quiz as laid out: whether it keeps to its page, its height and its room (px)."""

    fits: bool
    height: float
    room: float


def fit_quiz(html_for: QuizHtml, target: Target, css_file: Path) -> bytes:
    """The PDF of a printable quiz: the questions on the first page, the answers from the second; each part's type
    as large as its page allows, within limits. At the smallest type, a part that does not fit its page runs on
    to the next one rather than being refused (nothing is clipped)."""
    sizes = [limits.base for limits in QUIZ_LIMITS]
    document = lay_out_plain(html_for(*sizes), css_file)
    parts = _quiz_parts(document)
    estimated = [
        _filling(size, part.height, part.room, limits)
        for size, part, limits in zip(sizes, parts, QUIZ_LIMITS, strict=True)
    ]
    if estimated != sizes:
        sizes = estimated
        document = lay_out_plain(html_for(*sizes), css_file)
        parts = _quiz_parts(document)
    while True:  # the estimate errs either way: step down what overflows (or give up at the smallest type)
        smaller = [
            size if part.fits or size <= limits.low + 1e-9 else _step_down(size)
            for size, part, limits in zip(sizes, parts, QUIZ_LIMITS, strict=True)
        ]
        if smaller == sizes:
            return pdf_bytes(document, target.links)
        sizes = smaller
        document = lay_out_plain(html_for(*sizes), css_file)
        parts = _quiz_parts(document)


def _filling(size: float, height: float, room: float, limits: Limits) -> float:
    """The type size, in steps and within limits, that would make text `height` high at `size` fill `room` (a
    text's height grows as its type size to the power 1.6)."""
    if height <= 0:
        return size
    ratio: float = (room / height) ** (1 / 1.6)
    wanted = math.floor(min(limits.high, size * ratio) / FIT_STEP + 1e-9) * FIT_STEP
    return round(max(limits.low, wanted), 2)


def _quiz_parts(document: Document) -> tuple[Part, Part]:
    """The questions (from their list's top to #questions-end, room up to the footer of the first page) and the
    answers (from their list's top to #answers-end, room up to the foot of the page)."""
    found = _by_id(document)
    height = float(document.pages[0].height)
    page = document.pages[0]._page_box
    foot = float(page.content_box_y() + page.height)  # the bottom of a page's content area

    def part(start: str, end: str, room_end: float) -> Part:
        (start_page, start_box), (end_page, end_box) = found[start], found[end]
        top = float(start_box.position_y)
        bottom = (end_page - start_page) * height + float(end_box.position_y)
        return Part(end_page == start_page and bottom <= room_end + 0.5, bottom - top, room_end - top)

    # The footer sits at the foot of the first page, in the room the questions' page keeps for it (its bottom
    # padding), or more if it is taller.
    section = found["questions-page"][1]
    room = foot - max(float(section.padding_bottom), float(found["questions-footer"][1].margin_height()))
    return part("questions-list", "questions-end", room), part("answers-list", "answers-end", foot)


# --- pictures ---------------------------------------------------------------------------------------------------


def png_of(pdf: bytes, width: int) -> bytes:
    """The PDF's first page as a PNG `width` pixels wide (same bytes for the same PDF)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGB")
    finally:
        document.close()
    if image.width != width:  # (rounding of the page's size in points)
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    return _png(image)


THUMB_COLOURS = 64  # a poster has a few colours and their anti-aliased edges: 64 keep the text crisp


def thumbnail(data: bytes, media: str, width: int) -> bytes:
    """A small picture of a PDF's first page or of a PNG, `width` pixels wide, for the kit page: in a palette of
    64 colours (a third of the bytes of full colour, for the intranet's old PCs)."""
    image: Image.Image
    if media == "pdf":
        image = Image.open(io.BytesIO(png_of(data, width)))
    else:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    return _png(image.quantize(THUMB_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
