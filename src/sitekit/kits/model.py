"""Awareness kits: the typed model of kits/<id>/kit.yml, its loader (files checked on disk) and review freshness."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PrivateAttr, ValidationError

from sitekit.core.dates import add_months
from sitekit.core.problems import Collector, Level, Problem, ProblemsError
from sitekit.core.schema import CheckedDay, Localized, Model, Text, Url, identifier, problem, problems_from_pydantic
from sitekit.core.text import decode_utf8
from sitekit.core.yamlfile import YamlDocument, dotted, load_yaml
from sitekit.kits.quiz import QUIZ_FILE, Quiz, load_quiz

KIT_FILE = "kit.yml"
MAX_FILE_BYTES = 20 * 1024 * 1024  # a kit file over 20 MB is refused
# A file name of a kit: letters, digits, dot, hyphen, underscore; not starting with a dot or a hyphen. It is
# written into URLs, archive entries and messages as is: no space, accent, quote or other surprise.
FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# Sources read as text (they must be UTF-8); other formats (PDF, images, office files) are copied as bytes.
TEXT_FORMATS = frozenset({"md", "txt", "csv", "yml", "yaml", "json", "html"})
DEFAULT_LICENCE = "Licence Ouverte / Etalab 2.0"
RESERVED_IDS = frozenset({"index", "telechargements", "apercus", "fiches", "kits"})
KitId = Annotated[str, identifier("hameconnage", RESERVED_IDS)]
_VERSION = re.compile(r"\d+(?:\.\d+){0,2}")


class Audience(str, Enum):
    SOIGNANTS = "soignants"
    ADMINISTRATIFS = "administratifs"
    DIRECTION = "direction"
    INFORMATIQUE = "informatique"
    MEDICO_SOCIAL = "medico-social"
    TOUS = "tous"


class Theme(str, Enum):
    HAMECONNAGE = "hameconnage"
    MOTS_DE_PASSE = "mots-de-passe"
    MISES_A_JOUR = "mises-a-jour"
    SAUVEGARDES_PCA_PRA = "sauvegardes-pca-pra"
    GESTION_DE_CRISE = "gestion-de-crise"
    SIGNALEMENT = "signalement"
    SENSIBILISATION = "sensibilisation"
    COMMUNICATION = "communication"
    FRAUDES = "fraudes"
    POSTE_PARTAGE = "poste-partage"
    RESEAUX_SOCIAUX = "reseaux-sociaux"
    ACCES_DISTANTS = "acces-distants"
    APPAREILS_MOBILES = "appareils-mobiles"
    SUPPORTS_AMOVIBLES = "supports-amovibles"


class Role(str, Enum):
    AFFICHE = "affiche"
    FICHE_REFLEXE = "fiche-reflexe"
    MEMO = "memo"
    QUIZ = "quiz"
    MODELE_COURRIEL = "modele-courriel"
    PUBLICATION_RESEAUX_SOCIAUX = "publication-reseaux-sociaux"
    SUPPORT_PRESENTATION = "support-presentation"
    ARTICLE_INTRANET = "article-intranet"
    PLAN = "plan"


class Lang(str, Enum):
    FR = "fr"
    EN = "en"


# Markdown sources of these roles are also printed as A4 PDFs (with a QR code) at build time.
PRINTABLE_ROLES = (Role.AFFICHE, Role.FICHE_REFLEXE)


def _check_version(value: Any) -> str:
    text = str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
    if text is None or not _VERSION.fullmatch(text):
        raise problem(f"{value!r} is not a version", 'write numbers separated by dots, in quotes, e.g. "1.0.0"')
    return text


def _check_months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise problem(f"{value!r} is not a number of months", "write a whole number from 1 to 60, e.g. 12")
    return value


Version = Annotated[str, BeforeValidator(_check_version)]
Months = Annotated[int, BeforeValidator(_check_months)]


class KitFile(Model):
    path: Text
    role: Role
    lang: Lang
    licence: Text | None = None

    @property
    def format(self) -> str:
        return PurePosixPath(self.path).suffix.lstrip(".").lower() or "?"

    @property
    def printable(self) -> bool:
        return self.role in PRINTABLE_ROLES and self.format == "md"


# Top-level keys of kit.yml whose line later checks report (review dates, the pictogram of the first theme).
LINED_KEYS = ("last_review", "themes")


class Kit(Model):
    id: KitId
    version: Version
    title: Localized
    summary: Localized
    audiences: tuple[Audience, ...] = Field(min_length=1)
    themes: tuple[Theme, ...] = Field(min_length=1)
    last_review: CheckedDay
    review_months: Months
    licence: Text = DEFAULT_LICENCE
    sources: tuple[Url, ...] = Field(min_length=1)
    files: tuple[KitFile, ...] = Field(min_length=1)

    # Where the kit was read from (set by load_kits): its folder, kit.yml as shown in messages, lines.
    _folder: Path = PrivateAttr(default=Path("."))
    _display: str = PrivateAttr(default=KIT_FILE)
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)
    _quiz: Quiz | None = PrivateAttr(default=None)

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def quiz(self) -> Quiz | None:
        """The kit's quiz (kits/<id>/quiz.yml), None when it has none."""
        return self._quiz

    @property
    def quiz_file(self) -> Path:
        return self._folder / QUIZ_FILE

    @property
    def display_path(self) -> str:
        return self._display

    def line(self, key: str) -> int:
        """The line of a top-level key of kit.yml (LINED_KEYS; 0 when unknown), for messages about it."""
        return self._lines.get(key, 0)

    def source(self, file: KitFile) -> Path:
        return self._folder / file.path

    def markdown_texts(self) -> Iterator[tuple[KitFile, str]]:
        """Each Markdown source with its text; one that cannot be read is skipped (the kits' own checks report it)."""
        for file in self.files:
            if file.format != "md":
                continue
            try:
                text = self.source(file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            yield file, text

    def printables(self, lang: str) -> list[KitFile]:
        return [f for f in self.files if f.printable and f.lang.value == lang]

    def file_licence(self, file: KitFile) -> str:
        return file.licence or self.licence


# --- loader --------------------------------------------------------------------------------------


def load_kits(kits_dir: Path, root: Path) -> list[Kit]:
    """Every kit under `kits_dir` (one folder each), sorted by id; ProblemsError lists every problem found."""
    problems = Collector()
    kits: list[Kit] = []
    first_seen: dict[str, str] = {}
    if not kits_dir.is_dir():
        problems.add(_shown(kits_dir, root), 0, "", "the kits folder is missing", "create it, one folder per kit")
        problems.raise_if_errors()
    for folder in sorted(p for p in kits_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        shown = _shown(folder / KIT_FILE, root)
        linked = next((p for p in (folder, folder / KIT_FILE) if p.is_symlink()), None)
        if linked is not None:
            problems.add(
                _shown(linked, root),
                0,
                "",
                "a symbolic link in the kits folder",
                "copy the folder or file here instead of linking to it",
            )
            continue
        if not (folder / KIT_FILE).is_file():
            problems.add(
                shown, 0, "", "a kit folder without kit.yml", "add kit.yml (see kits/README.md) or remove the folder"
            )
            continue
        try:
            doc = load_yaml(folder / KIT_FILE, shown)
        except ProblemsError as exc:
            problems.extend(exc.problems)
            continue
        kit = _validate(doc, folder, problems)
        if kit is None:
            continue
        if kit.quiz_file.is_file():
            try:
                kit._quiz = load_quiz(kit.quiz_file, _shown(kit.quiz_file, root), kit.sources, shown)
            except ProblemsError as exc:
                problems.extend(exc.problems)
        if kit.id in first_seen:
            problems.add(
                shown,
                doc.line(("id",)),
                "id",
                f"duplicate kit id {kit.id!r}, already used by {first_seen[kit.id]}",
                "give each kit its own id",
            )
            continue
        first_seen[kit.id] = shown
        kits.append(kit)
    problems.raise_if_errors()
    return sorted(kits, key=lambda k: k.id)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _validate(doc: YamlDocument, folder: Path, problems: Collector) -> Kit | None:
    if not isinstance(doc.data, dict):
        problems.add(
            doc.path,
            doc.line(()),
            "(root)",
            "expected a mapping of keys (id:, title:, files:, ...)",
            "write one key per line, as in the other kits' kit.yml",
        )
        return None
    try:
        kit = Kit.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_pydantic(exc, doc, (), Kit))
        return None
    kit._folder = folder
    kit._display = doc.path
    kit._lines = {key: doc.line((key,)) for key in LINED_KEYS}
    problems.extend(_file_problems(kit, doc))
    return kit


def _file_problems(kit: Kit, doc: YamlDocument) -> list[Problem]:
    from sitekit.kits.formats import output_names  # (formats.py imports this module)

    out: list[Problem] = []
    base = kit.folder.resolve()
    seen: dict[str, int] = {}

    def add(index: int, message: str, fix: str) -> None:
        loc = ("files", index, "path")
        out.append(Problem(doc.path, doc.line(loc), dotted(loc), message, fix))

    for index, file in enumerate(kit.files):
        raw = file.path
        parts = PurePosixPath(raw.replace("\\", "/")).parts
        if PurePosixPath(raw).is_absolute() or PureWindowsPath(raw).is_absolute() or raw.startswith("\\"):
            add(index, f"{raw!r} is an absolute path", "write the path relative to the kit folder, e.g. affiche.fr.md")
            continue
        if ".." in parts:
            add(
                index,
                f"{raw!r} escapes the kit folder",
                "keep the file inside the kit folder and write its path without ..",
            )
            continue
        odd = next((part for part in parts if not FILE_NAME.fullmatch(part)), None)
        if odd is not None or "\\" in raw:
            add(
                index,
                f"{raw!r} has a name with unexpected characters",
                "rename it with letters without accents, digits, '.', '-' and '_' only, e.g. affiche.fr.md",
            )
            continue
        if raw in seen:
            add(index, f"{raw!r} is listed twice (first at line {seen[raw]})", "list each file once")
            continue
        seen[raw] = doc.line(("files", index, "path"))
        target = kit.folder / raw
        link = next(
            (
                kit.folder.joinpath(*parts[:n])
                for n in range(1, len(parts) + 1)
                if kit.folder.joinpath(*parts[:n]).is_symlink()
            ),
            None,
        )
        if link is not None:
            resolved = target.resolve()
            outside = resolved != base and base not in resolved.parents
            add(
                index,
                f"{raw!r} is a symbolic link" + (" pointing outside the kit folder" if outside else ""),
                "copy the file into the kit folder instead of linking to it",
            )
            continue
        if not target.exists():
            add(
                index,
                f"file {raw!r} not found in {_folder_name(kit)}",
                "check the spelling of the path, or add the file to the kit folder",
            )
            continue
        if not target.is_file():
            add(index, f"{raw!r} is not a file", "list files, not folders")
            continue
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            add(
                index,
                f"{raw!r} is {size / 1024 / 1024:.1f} MB, over the 20 MB limit",
                "compress or split the file (PDFs printed from Markdown are made by the build)",
            )
            continue
        if file.format in TEXT_FORMATS:
            try:
                decode_utf8(target.read_bytes(), f"{_folder_name(kit)}{raw}")
            except ProblemsError as exc:
                out.extend(exc.problems)
                continue
        listed = {f.path for f in kit.files}
        for made in output_names(file):
            if made in listed:
                add(
                    index,
                    f"{made!r} is made from {raw!r} and is also listed",
                    "remove the listed file: the build makes it from the Markdown source",
                )
    for lang in Lang:
        if not out and not kit.printables(lang.value):  # (a file problem above may be the cause: said once)
            out.append(
                Problem(
                    doc.path,
                    doc.line(("files",)),
                    "files",
                    f"no printable poster or reflex sheet in {lang.value}",
                    f"list a Markdown file with role affiche or fiche-reflexe and lang {lang.value}",
                )
            )
    return out


def _folder_name(kit: Kit) -> str:
    return PurePosixPath(kit.display_path).parent.as_posix() + "/"


# --- freshness -----------------------------------------------------------------------------------


def review_due(kit: Kit) -> date:
    """The day the kit should have been reviewed again: last_review + review_months."""
    return add_months(kit.last_review, kit.review_months)


def kit_freshness_problems(kits: Sequence[Kit], today: date, grace_days: int = 30) -> list[Problem]:
    """A warning for each kit past its review date, an error once `grace_days` more have passed."""
    out: list[Problem] = []
    for kit in kits:
        due = review_due(kit)
        late = (today - due).days
        if late <= 0:
            continue
        level = Level.ERROR if late > grace_days else Level.WARNING
        out.append(
            Problem(
                kit.display_path,
                kit.line("last_review"),
                "last_review",
                f"kit {kit.id!r} was due for review on {due.isoformat()} ({late} days ago)",
                "review its content and sources, then set last_review to the review date"
                + ("" if level is Level.ERROR else f"; this becomes an error after {grace_days} days"),
                level,
            )
        )
    return out


def kit_folder_ids(kits_dir: Path) -> set[str] | None:
    """Names of the folders of kits/ that hold a kit.yml (cheap: for references to kits before they are
    loaded); None while there is no kit at all."""
    found = {path.parent.name for path in kits_dir.glob("*/kit.yml")}
    return found or None
