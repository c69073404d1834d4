"""Printable A4 PDFs (with a QR code to the kit's page) and PNG poster previews, made from a kit's Markdown sources."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import qrcode
from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from PIL import Image, ImageDraw, ImageFont

from sitekit.kits.printable import ACCENT, BAND, BOLD, INK, PAPER, REGULAR, PrintInfo
from sitekit.profile.printed import ContactBlock

CONTACT_SIZE, CONTACT_LINE = 9.0, 4.4  # pt and mm: the contact box's text

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_INLINE = re.compile(r"(\*\*|__|`)")


@dataclass(frozen=True)
class Block:
    kind: str  # title, heading, paragraph, bullet
    text: str


def plain(text: str) -> str:
    """Inline Markdown as printed text: links become 'text (address)', emphasis marks go."""
    text = _LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]} ({m[2]})", text)
    return _INLINE.sub("", text).strip()


def blocks(markdown: str) -> list[Block]:
    """The small Markdown subset of kit sources: # title, ## headings, paragraphs and - bullets."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("paragraph", plain(" ".join(para))))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or line.startswith("<!--"):
            flush()
        elif line.startswith("# "):
            flush()
            out.append(Block("title", plain(line[2:])))
        elif line.startswith("#"):
            flush()
            out.append(Block("heading", plain(line.lstrip("#"))))
        elif re.match(r"([-*]|\d+\.)\s", line):
            flush()
            out.append(Block("bullet", plain(re.sub(r"^([-*]|\d+\.)\s+", "", line))))
        elif out and out[-1].kind == "bullet" and raw.startswith(("  ", "\t")) and not para:
            out[-1] = Block("bullet", f"{out[-1].text} {plain(line)}")
        else:
            para.append(line)
    flush()
    return out


def _labelled(label: str, lang: str) -> str:
    """'Label : ' in French (non-breaking space before the colon), 'Label: ' in English."""
    return f"{label}\u00a0: " if lang == "fr" else f"{label}: "


def _qr_matrix(url: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()  # qrcode has no type information
    return matrix


class _Sheet(FPDF):
    def __init__(self, info: PrintInfo):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.info = info
        self.add_font("Sans", "", str(REGULAR))
        self.add_font("Sans", "B", str(BOLD))
        # Below the establishment's logo and name on every page when there is a contact block.
        self.set_margins(18, 32 if info.contact else 18, 18)
        self.box_height = 0.0
        self.set_auto_page_break(True, margin=52)

    def reserve_contact_box(self) -> None:
        """Measure the contact box (its values may wrap) and keep room for it above the QR code."""
        contact = self.info.contact
        if contact is None:
            return
        height = 5.5 + 5.0  # title and padding
        for label, value in contact.lines:
            self.set_font("Sans", "B", CONTACT_SIZE)
            label_width = self.get_string_width(_labelled(label, self.info.lang)) + 1
            self.set_font("Sans", "", CONTACT_SIZE)
            lines = self.multi_cell(
                self.w - 44 - label_width, CONTACT_LINE, value, dry_run=True, output=MethodReturnValue.LINES
            )
            height += CONTACT_LINE * max(len(lines) if isinstance(lines, list) else 1, 1)
        self.box_height = height
        self.set_auto_page_break(True, margin=52 + height + 4)

    def header(self) -> None:
        """The establishment's logo and name under the band, on every page."""
        contact = self.info.contact
        if contact is None:
            return
        self.image(str(contact.logo), x=18, y=15, h=13, keep_aspect_ratio=True)
        self.set_xy(34, 15.5)
        self.set_font("Sans", "B", 12)
        self.set_text_color(*self.info.band)
        self.cell(self.w - 34 - 18, 6, contact.name, new_x="LEFT", new_y="NEXT")

    def contact_box(self) -> None:
        """Whom to call, in a box above the QR code: the same place on every poster and sheet."""
        contact = self.info.contact
        if contact is None or not self.box_height:
            return
        height, width = self.box_height, self.w - 36
        top = self.h - 46 - height - 4
        self.set_draw_color(*self.info.band)
        self.set_line_width(0.6)
        self.rect(18, top, width, height, style="D")
        self.set_fill_color(*self.info.band)
        self.rect(18, top, 3, height, style="F")
        self.set_xy(24, top + 2.5)
        self.set_font("Sans", "B", 11)
        self.set_text_color(*self.info.band)
        self.cell(width - 8, 5.5, contact.title, new_x="LEFT", new_y="NEXT")
        for label, value in contact.lines:
            text = _labelled(label, self.info.lang)
            self.set_x(24)
            self.set_text_color(*INK)
            self.set_font("Sans", "B", CONTACT_SIZE)
            label_width = self.get_string_width(text) + 1
            self.cell(label_width, CONTACT_LINE, text)
            self.set_font("Sans", "", CONTACT_SIZE)
            self.multi_cell(width - 8 - label_width, CONTACT_LINE, value, new_x="LEFT", new_y="NEXT")

    def footer(self) -> None:
        self.contact_box()
        info, size, top = self.info, 32.0, self.h - 46
        matrix = _qr_matrix(info.url)
        cell = size / len(matrix)
        self.set_fill_color(0, 0, 0)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    self.rect(18 + x * cell, top + y * cell, cell, cell, style="F")
        self.link(18, top, size, size, info.url)
        self.set_xy(56, top)
        self.set_text_color(*INK)
        self.set_font("Sans", "B", 10)
        self.multi_cell(self.w - 56 - 18, 5, info.scan_label)
        self.set_x(56)
        self.set_font("Sans", "", 9)
        self.set_text_color(*info.band)
        self.multi_cell(self.w - 56 - 18, 4.5, info.url, link=info.url)
        self.set_text_color(*INK)
        self.set_font("Sans", "", 8)
        for line in info.footer_lines:
            self.set_x(56)
            self.multi_cell(self.w - 56 - 18, 4, line)


def render_pdf(markdown: str, info: PrintInfo, poster: bool) -> bytes:
    """An A4 PDF of a poster (large type) or a reflex sheet, same bytes for the same input. A poster is one
    page: its type is made smaller, step by step, until it fits."""
    scale = 1.0
    while True:
        pdf = _render(markdown, info, poster, scale)
        if not poster or pdf.page_no() == 1 or scale <= 0.6:
            return bytes(pdf.output())
        scale = round(scale - 0.1, 1)


def _render(markdown: str, info: PrintInfo, poster: bool, scale: float) -> _Sheet:
    pdf = _Sheet(info)
    pdf.set_creation_date(datetime(info.day.year, info.day.month, info.day.day, tzinfo=UTC))
    pdf.set_lang(info.lang)
    pdf.set_creator("scripts/sitekit/kits_print.py")
    pdf.set_author(info.kit_title)
    items = blocks(markdown)
    title = next((b.text for b in items if b.kind == "title"), info.kit_title)
    pdf.set_title(title)
    pdf.set_subject(info.kit_title)
    pdf.add_page()
    pdf.reserve_contact_box()
    sizes = (
        {"title": 30, "heading": 18, "paragraph": 15, "bullet": 15}
        if poster
        else {"title": 20, "heading": 13, "paragraph": 10.5, "bullet": 10.5}
    )
    if poster and info.contact:  # the contact box takes the room of about three lines
        sizes = {"title": 26, "heading": 16, "paragraph": 13, "bullet": 13}
    sizes = {kind: size * scale for kind, size in sizes.items()}
    width = pdf.w - 36
    # Title band across the top of the first page.
    pdf.set_fill_color(*info.band)
    pdf.rect(0, 0, pdf.w, 12, style="F")
    pdf.set_font("Sans", "B", 9)
    pdf.set_text_color(*info.band)
    if info.contact:
        pdf.set_xy(34, 22)
        pdf.cell(width - 16, 5, info.kit_title.upper(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(34)
    else:
        pdf.set_xy(18, 16)
        pdf.cell(width, 5, info.kit_title.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for block in items:
        size = sizes[block.kind]
        line_h = size * 0.5
        if block.kind == "title":
            pdf.set_font("Sans", "B", size)
            pdf.set_text_color(*info.band)
            pdf.multi_cell(width, line_h, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(size * 0.25)
        elif block.kind == "heading":
            pdf.ln(size * 0.2)
            pdf.set_font("Sans", "B", size)
            pdf.set_text_color(*info.accent)
            pdf.multi_cell(width, line_h, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(size * 0.1)
        elif block.kind == "bullet":
            pdf.set_font("Sans", "", size)
            pdf.set_text_color(*INK)
            indent = size * 0.45
            pdf.set_x(18)
            pdf.cell(indent, line_h, "•")
            pdf.multi_cell(width - indent, line_h, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(size * 0.12)
        else:
            pdf.set_font("Sans", "", size)
            pdf.set_text_color(*INK)
            pdf.multi_cell(width, line_h, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(size * 0.2)
    return pdf


def render_preview(
    markdown: str, kit_title: str, url: str, width: int = 420, contact: ContactBlock | None = None, lang: str = "fr"
) -> bytes:
    """A small PNG picture of the whole poster (A4 proportions): band, title, every heading, paragraph and bullet,
    the contact box (name and numbers: an SVG logo is left out, Pillow cannot draw it) and the QR code. As on the
    printed poster, the type is made smaller until everything fits; a word wider than the page (an address) is
    broken."""
    height = round(width * 297 / 210)
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    scale = width / 420
    band, accent = (contact.band, contact.heading) if contact else (BAND, ACCENT)
    small = ImageFont.truetype(str(BOLD), round(11 * scale))
    box_font = ImageFont.truetype(str(REGULAR), round(10 * scale))
    margin = round(26 * scale)
    inner = width - 2 * margin
    draw.rectangle((0, 0, width, round(18 * scale)), fill=band)
    draw.rectangle((0, 0, width - 1, height - 1), outline=(200, 200, 200))
    y: float = round(30 * scale)
    if contact:
        name_font = ImageFont.truetype(str(BOLD), round(13 * scale))
        for line in _wrap(draw, contact.name, name_font, inner):
            draw.text((margin, y), line, font=name_font, fill=band)
            y += draw.textbbox((0, 0), line, font=name_font)[3] + round(3 * scale)
        y += round(4 * scale)
    for line in _wrap(draw, kit_title.upper(), small, inner):
        draw.text((margin, y), line, font=small, fill=band)
        y += round(16 * scale)
    y += round(8 * scale)
    box_lines = [
        line
        for label, value in (contact.lines if contact else ())
        for line in _wrap(draw, _labelled(label, lang) + value, box_font, inner - round(16 * scale))
    ]
    box_height = round((30 + 15 * len(box_lines)) * scale) if contact else 0
    bottom = height - round(110 * scale) - box_height
    for text, font, colour, gap in _fitted(draw, blocks(markdown), scale, inner, bottom - y, band, accent):
        draw.text((margin, y), text, font=font, fill=colour)
        y += draw.textbbox((0, 0), text, font=font)[3] + gap
    if contact:
        top = bottom + round(4 * scale)
        draw.rectangle((margin, top, width - margin, top + box_height - round(6 * scale)), outline=band, width=2)
        draw.text((margin + round(8 * scale), top + round(5 * scale)), contact.title, font=small, fill=band)
        line_y = top + round(21 * scale)
        for line in box_lines:
            draw.text((margin + round(8 * scale), line_y), line, font=box_font, fill=INK)
            line_y += round(15 * scale)
    # The QR code of the printed page, at the same place.
    matrix = _qr_matrix(url)
    cell = max(round(70 * scale) // len(matrix), 1)
    left, top = margin, height - margin - cell * len(matrix)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle(
                    (left + x * cell, top + y * cell, left + (x + 1) * cell - 1, top + (y + 1) * cell - 1),
                    fill=(0, 0, 0),
                )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


PreviewLine = tuple[str, ImageFont.FreeTypeFont, tuple[int, int, int], int]  # text, font, colour, space after


def _fitted(
    draw: ImageDraw.ImageDraw,
    content: list[Block],
    scale: float,
    width: int,
    room: float,
    band: tuple[int, int, int],
    accent: tuple[int, int, int],
) -> list[PreviewLine]:
    """Every line of the poster's blocks, in the largest type (from the poster's own sizes down) that fits `room`."""
    fit = 1.0
    while True:
        size = {"title": 24, "heading": 15, "paragraph": 13, "bullet": 13}
        fonts = {
            kind: ImageFont.truetype(
                str(BOLD if kind in ("title", "heading") else REGULAR), max(round(n * scale * fit), 6)
            )
            for kind, n in size.items()
        }
        colours = {"title": band, "heading": accent, "paragraph": INK, "bullet": INK}
        lines: list[PreviewLine] = []
        for block in content:
            text = ("• " if block.kind == "bullet" else "") + block.text
            wrapped = _wrap(draw, text, fonts[block.kind], width)
            for index, line in enumerate(wrapped):
                last = index == len(wrapped) - 1
                gap = round((13 if last else 5) * scale * fit)
                lines.append((line, fonts[block.kind], colours[block.kind], gap))
        used = sum(draw.textbbox((0, 0), text, font=font)[3] + gap for text, font, _, gap in lines)
        if used <= room or fit < 0.3:
            return lines
        fit *= 0.9


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` in lines of at most `width` pixels, between words; a word wider than a line is broken."""
    lines: list[str] = []
    current = ""
    for word in _pieces(draw, text, font, width):
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _pieces(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The words of `text`, each word wider than `width` cut into pieces that fit."""
    out: list[str] = []
    for word in text.split(" "):
        rest = word
        while draw.textlength(rest, font=font) > width and len(rest) > 1:
            cut = len(rest) - 1
            while cut > 1 and draw.textlength(rest[:cut], font=font) > width:
                cut -= 1
            out.append(rest[:cut])
            rest = rest[cut:]
        out.append(rest)
    return out
