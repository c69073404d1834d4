"""What kit printing needs before anything is laid out: the embedded fonts and the characters they lack, and what a
printed page or screen says besides its source. Light to import: WeasyPrint and PDFium are imported by
sitekit.kits.render only, when something has to be drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from sitekit.core.cache import fingerprint, read_json, store_json
from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.text import decode_utf8
from sitekit.kits.model import Kit
from sitekit.kits.pictograms import Pictogram
from sitekit.kits.quiz import QUIZ_FILE
from sitekit.profile.printed import ContactBlock

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "Atkinson Hyperlegible Next"
FONT_FILES = {
    400: FONTS / "AtkinsonHyperlegibleNext-Regular.ttf",
    700: FONTS / "AtkinsonHyperlegibleNext-Bold.ttf",
    800: FONTS / "AtkinsonHyperlegibleNext-ExtraBold.ttf",
}


@dataclass(frozen=True)
class PrintInfo:
    """What a printed page or screen says besides its source: who publishes it, where the kit lives online, its
    edition, and the words of the page's fixed parts in its language."""

    lang: str
    url: str  # the kit's page; also the QR code's content and a link
    kit_title: str
    kicker: str  # e.g. "Cybersécurité · Hameçonnage": the band's label
    footer_lines: tuple[str, ...]  # e.g. "Version 1.0.0 · revue le 20 novembre 2026", licence
    scan_label: str  # e.g. "Retrouvez ce kit, ses sources et sa dernière version :"
    day: date  # creation date written in the PDF (the kit's last review)
    labels: tuple[tuple[str, str], ...]  # (key, text) of the page's fixed words: logo, QR code, pictogram
    pictogram: Pictogram | None = None
    contact: ContactBlock | None = None  # the publishing establishment: logo, name, whom to call

    def label(self, key: str) -> str:
        return dict(self.labels)[key]


_kept_in: dict[str, Path] = {}


def keep_characters_in(folder: Path) -> None:
    """Keep the fonts' characters in `folder` between builds, under the fonts' hash (reading them needs fontTools,
    30 ms to import); call before the first printable_characters() of the process."""
    _kept_in["folder"] = folder


@lru_cache(maxsize=1)
def printable_characters() -> frozenset[int]:
    """Characters every weight of the embedded font draws."""
    folder = _kept_in.get("folder")
    path = None
    if folder is not None:
        path = folder / f"printable-{fingerprint([f.read_bytes() for f in FONT_FILES.values()])[:16]}.json"
        kept = read_json(path)
        if isinstance(kept, list) and all(isinstance(c, int) for c in kept):
            return frozenset(kept)  # else not kept yet, or unreadable: read the fonts
    from fontTools.ttLib import TTFont

    found = frozenset.intersection(*[frozenset(TTFont(path).getBestCmap()) for path in FONT_FILES.values()])
    if path is not None:
        store_json(path, sorted(found))
    return found


def unprintable(text: str) -> list[str]:
    """Characters of `text` the embedded font lacks (tabs and line ends aside)."""
    known = printable_characters()
    return sorted({c for c in text if ord(c) not in known and c not in "\t\r\n"})


def _shown(missing: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)


_FONT_FIX = "remove the character or write it in words (emoji and rare symbols are not in the font)"


def print_problems(kit: Kit) -> list[Problem]:
    """Characters of what the printed pages show (the printable sources, the kit's title and licences) that the
    embedded font lacks: the layout would take them from another font of the machine, not the poster's, not the
    same on every machine."""
    out: list[Problem] = []
    folder = PurePosixPath(kit.display_path).parent
    printed = {(f"title.{lang}", kit.title[lang]) for lang in ("fr", "en")}
    printed |= {("licence", kit.file_licence(file)) for file in kit.files if file.printable}
    for field, text in sorted(printed):
        missing = unprintable(text)
        if missing:
            out.append(
                Problem(kit.display_path, 0, field, f"cannot be printed in the PDF: {_shown(missing)}", _FONT_FIX)
            )
    printed_files = [(str(folder / file.path), kit.source(file)) for file in kit.files if file.printable]
    if kit.quiz is not None:  # printed as the A4 quiz
        printed_files.append((str(folder / QUIZ_FILE), kit.folder / QUIZ_FILE))
    for shown, path in printed_files:
        try:
            text = decode_utf8(path.read_bytes(), shown)
        except ProblemsError as exc:
            out.extend(exc.problems)
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if path.suffix == ".yml" and line.lstrip().startswith("#"):  # a YAML comment is not printed
                continue
            missing = unprintable(line)
            if missing:
                out.append(
                    Problem(
                        shown,
                        number,
                        "",
                        f"cannot be printed in the PDF: {_shown(missing)}",
                        _FONT_FIX,
                    )
                )
    return out
