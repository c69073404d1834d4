"""The formats a printable kit source is published in: posters in A4 and A3 and as two screen pictures, reflex
sheets in A4; their file names, sizes and the alternative text of the pictures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from sitekit.kits.model import KitFile, Role
from sitekit.kits.printdoc import PrintDoc, plain


@dataclass(frozen=True)
class Format:
    """One way to publish a poster or sheet: a PDF page (millimetres) or a PNG picture (pixels)."""

    id: str  # in file names: affiche.fr.a4.pdf, affiche.fr.1920x1080.png
    media: str  # "pdf" or "png"
    width: int  # mm for a PDF, px for a PNG
    height: int
    template: str  # overrides/partials/kits/print/<template>
    label: str  # in messages: "A4 poster"

    @property
    def is_pdf(self) -> bool:
        return self.media == "pdf"

    @property
    def dimensions(self) -> str:
        """'210 × 297 mm', '1920 × 1080 px'."""
        return f"{self.width}\u00a0×\u00a0{self.height}\u00a0{'mm' if self.is_pdf else 'px'}"


A4 = Format("a4", "pdf", 210, 297, "poster.html", "A4 poster")
A3 = Format("a3", "pdf", 297, 420, "poster.html", "A3 poster")
SCREEN = Format("1920x1080", "png", 1920, 1080, "screen.html", "1920 × 1080 screen picture")  # waiting rooms
SOCIAL = Format("1200x630", "png", 1200, 630, "screen.html", "1200 × 630 picture")  # intranet news, social networks
SHEET_A4 = Format("a4", "pdf", 210, 297, "sheet.html", "A4 reflex sheet")
QUIZ_A4 = Format("a4", "pdf", 210, 297, "quiz.html", "A4 printable quiz")  # made from quiz.yml, not a source

FORMATS: dict[Role, tuple[Format, ...]] = {
    Role.AFFICHE: (A4, A3, SCREEN, SOCIAL),
    Role.FICHE_REFLEXE: (SHEET_A4,),
}


def formats_of(file: KitFile) -> tuple[Format, ...]:
    """The formats a printable source is published in (none for other files)."""
    return FORMATS.get(file.role, ()) if file.printable else ()


def output_name(file: KitFile, fmt: Format) -> str:
    """Name of a format's file, beside its source in the archive: affiche.fr.md -> affiche.fr.a4.pdf."""
    source = PurePosixPath(file.path)
    return str(source.with_name(f"{source.stem}.{fmt.id}.{fmt.media}"))


def alt_name(file: KitFile, fmt: Format) -> str:
    """The text file holding a picture's alternative text, beside it: affiche.fr.1920x1080.txt."""
    return str(PurePosixPath(output_name(file, fmt)).with_suffix(".txt"))


def output_names(file: KitFile) -> list[str]:
    """Every file the build makes from a printable source (PDFs, pictures and their alternative texts)."""
    names = []
    for fmt in formats_of(file):
        names.append(output_name(file, fmt))
        if not fmt.is_pdf:
            names.append(alt_name(file, fmt))
    return names


@dataclass(frozen=True)
class ScreenText:
    """What a screen picture shows besides the headline, in reading order (also its alternative text)."""

    establishment: str
    kicker: str
    contact: tuple[str, ...]  # "IT support: 01 99 00 12 34", ... (the large screen only)
    scan: str  # "Find this kit…: https://…" (the large screen only)


def screen_parts(doc: PrintDoc, fmt: Format, text: ScreenText) -> list[str]:
    """The texts of a screen picture in reading order: its alternative text is made of them, whole."""
    parts = [text.establishment, text.kicker, plain(doc.headline).replace("\u00a0", " ")]
    if fmt is SCREEN and doc.lead is not None:
        parts.append(doc.lead.text)
    if doc.action:
        parts.append(plain(doc.action).replace("\u00a0", " "))
    if fmt is SCREEN:
        parts += [*text.contact, text.scan]
    return [part.strip() for part in parts if part.strip()]


def alt_text(doc: PrintDoc, fmt: Format, text: ScreenText) -> str:
    """The alternative text of a screen picture: every text it shows, in reading order, as sentences."""
    parts = screen_parts(doc, fmt, text)
    return " ".join(part if part[-1] in ".!?:…»" or "://" in part.split()[-1] else f"{part}." for part in parts)
