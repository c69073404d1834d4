"""What kit printing needs before any PDF is drawn: the embedded fonts and their colours, the characters the fonts
lack, what a printed page says besides its source. Light to import (fpdf2, Pillow and qrcode are only imported by
sitekit.kits.print, when a PDF or preview is not in the cache; fontTools only when the fonts' characters are not)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from sitekit.cache import fingerprint, store
from sitekit.kits.model import Kit
from sitekit.problems import Problem, ProblemsError
from sitekit.profile.printed import ContactBlock
from sitekit.text import decode_utf8

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
INK, BAND, ACCENT, PAPER = (33, 37, 41), (24, 58, 99), (0, 105, 92), (255, 255, 255)


@dataclass(frozen=True)
class PrintInfo:
    """What the printed page says besides its source: where the kit lives online, and its edition."""

    lang: str
    url: str  # the kit's page; also the QR code's content and a link annotation
    kit_title: str
    footer_lines: tuple[str, ...]  # e.g. "Version 1.0.0 · revu le 20 novembre 2026", licence
    scan_label: str  # e.g. "Retrouvez ce kit et ses sources :"
    day: date  # creation date written in the PDF (the kit's last review)
    contact: ContactBlock | None = None  # the publishing establishment: logo, name, whom to call

    @property
    def band(self) -> tuple[int, int, int]:
        return self.contact.band if self.contact else BAND

    @property
    def accent(self) -> tuple[int, int, int]:
        return self.contact.heading if self.contact else ACCENT


_characters: dict[Path | None, frozenset[int]] = {}


def printable_characters(cache_folder: Path | None = None) -> frozenset[int]:
    """The code points both embedded fonts can print, read once per process; kept in `cache_folder` under the
    fonts' hash between builds (reading them needs fontTools, 30 ms to import)."""
    if cache_folder in _characters:
        return _characters[cache_folder]
    path = None
    if cache_folder is not None:
        path = cache_folder / f"printable-{fingerprint([REGULAR.read_bytes(), BOLD.read_bytes()])[:16]}.json"
        try:
            _characters[cache_folder] = frozenset(int(c) for c in json.loads(path.read_text(encoding="utf-8")))
            return _characters[cache_folder]
        except (OSError, ValueError, TypeError):
            pass  # not read yet, or unreadable: read the fonts again
    from fontTools.ttLib import TTFont

    found = frozenset(TTFont(REGULAR).getBestCmap()) & frozenset(TTFont(BOLD).getBestCmap())
    if path is not None:
        store(path, json.dumps(sorted(found)).encode("utf-8"))
    _characters[cache_folder] = found
    return found


def _unprintable(text: str, known: frozenset[int]) -> str | None:
    missing = sorted({c for c in text if ord(c) not in known and c not in "\t"})
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing) or None


_FONT_FIX = "remove the character or write it in words (emoji and rare symbols are not in the font)"


def print_problems(kit: Kit, printable: frozenset[int] | None = None) -> list[Problem]:
    """Characters of what the PDFs print (the printable sources, the kit's title and licences) that the embedded
    font lacks: they would vanish from the PDF. `printable`: what printable_characters() returns."""
    out: list[Problem] = []
    known = printable if printable is not None else printable_characters()
    folder = PurePosixPath(kit.display_path).parent
    printed = {(f"title.{lang}", kit.title[lang]) for lang in ("fr", "en")}
    printed |= {("licence", kit.file_licence(file)) for file in kit.files if file.printable}
    for field, text in sorted(printed):
        shown = _unprintable(text, known)
        if shown:
            out.append(Problem(kit.display_path, 0, field, f"cannot be printed in the PDF: {shown}", _FONT_FIX))
    for file in kit.files:
        if not file.printable:
            continue
        try:
            text = decode_utf8(kit.source(file).read_bytes(), str(folder / file.path))
        except ProblemsError as exc:
            out.extend(exc.problems)
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            shown = _unprintable(line, known)
            if shown:
                out.append(
                    Problem(str(folder / file.path), number, "", f"cannot be printed in the PDF: {shown}", _FONT_FIX)
                )
    return out
