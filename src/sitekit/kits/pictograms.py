"""The pictograms of the posters, one per kit theme: kits/_pictograms/pictograms.yml (alternative texts,
licence) and the SVG drawings beside it, coloured with the establishment's colours when printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from sitekit.core import renames
from sitekit.core.problems import Collector, Problem
from sitekit.core.schema import Localized, Model, Text, problems_from_pydantic
from sitekit.core.yamlfile import load_mapping
from sitekit.kits.model import Kit, Theme

FOLDER = "kits/_pictograms"
INDEX = "pictograms.yml"
# Their names before this release, still read (sitekit.core.renames).
OLD_FOLDER = "kits/_pictogrammes"
OLD_INDEX = "pictogrammes.yml"
# The two colours every pictogram is drawn with, replaced when printed by the establishment's band colour and a
# light tint of it (any drawing tool can use them: write them exactly so in the SVG).
INK, TINT = "#1d3557", "#a8dadc"


class _Entry(Model):
    file: Text
    alt: Localized


class _Index(Model):
    licence: Text
    pictograms: dict[Theme, _Entry]


@dataclass(frozen=True)
class Pictogram:
    theme: str
    file: Path
    alt: Localized
    line: int  # of its entry in pictograms.yml

    def svg(self, ink: str, tint: str) -> str:
        """The drawing with its two colours replaced (hex colours `#rrggbb`)."""
        text = self.file.read_text(encoding="utf-8")
        return text.replace(INK, ink).replace(INK.upper(), ink).replace(TINT, tint).replace(TINT.upper(), tint)


@dataclass(frozen=True)
class Pictograms:
    """Every pictogram by theme, and the licence they are published under."""

    licence: str
    by_theme: dict[str, Pictogram]
    shown: str = f"{FOLDER}/{INDEX}"

    def of(self, kit: Kit) -> Pictogram | None:
        """The kit's pictogram: the one of its first theme."""
        return self.by_theme.get(kit.themes[0].value)


NO_PICTOGRAMS = Pictograms("", {})


def load_pictograms(root: Path) -> Pictograms:
    """kits/_pictograms/pictograms.yml and its drawings; ProblemsError with every problem found. A project that
    still has the old names (kits/_pictogrammes/, pictogrammes.yml) is read from them, told once."""
    folder, folder_shown = renames.shown(root, FOLDER, OLD_FOLDER)
    index_file, shown = renames.shown(root, f"{folder_shown}/{INDEX}", f"{folder_shown}/{OLD_INDEX}")
    doc = load_mapping(
        index_file,
        shown,
        "expected a mapping with licence: and pictograms:",
        "write licence: then pictograms:, one theme per key (see the comment at the top of the file)",
    )
    problems = Collector()
    try:
        index = _Index.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_pydantic(exc, doc, (), _Index))
        problems.raise_if_errors()
        raise AssertionError("unreachable") from None
    by_theme: dict[str, Pictogram] = {}
    for theme, entry in index.pictograms.items():
        line = doc.line(("pictograms", theme.value, "file"))
        file = folder / entry.file
        if Path(entry.file).name != entry.file or not file.is_file():
            problems.add(
                shown,
                line,
                f"pictograms.{theme.value}.file",
                f"{entry.file!r} not found in {folder_shown}/",
                _draw(folder_shown),
            )
            continue
        if file.suffix.lower() != ".svg" or "<svg" not in _head(file):
            problems.add(
                shown,
                line,
                f"pictograms.{theme.value}.file",
                f"{entry.file!r} is not an SVG drawing",
                _draw(folder_shown),
            )
            continue
        by_theme[theme.value] = Pictogram(theme.value, file, entry.alt, line)
    problems.raise_if_errors()
    return Pictograms(index.licence, by_theme, shown)


def _draw(folder: str) -> str:
    return f"draw it as an SVG file in {folder}/ with the colours {INK} and {TINT}, and write its name"


def _head(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return ""


def pictogram_problems(kits: Sequence[Kit], pictograms: Pictograms) -> list[Problem]:
    """Kits whose first theme has no pictogram (their posters would have no picture)."""
    out = []
    folder, _, index = pictograms.shown.rpartition("/")
    for kit in kits:
        if pictograms.of(kit) is None:
            theme = kit.themes[0].value
            out.append(
                Problem(
                    kit.display_path,
                    kit.line("themes"),
                    "themes",
                    f"no pictogram for the theme {theme!r}, the first of the kit",
                    f"add {theme}: to {folder}/{index} with its SVG drawing, or list another theme first",
                )
            )
    return out
