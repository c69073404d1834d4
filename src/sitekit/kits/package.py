"""What the build publishes for each kit: its posters and sheets in every format, their previews, one reproducible
ZIP archive, and kits.json."""

from __future__ import annotations

import ctypes
import hashlib
import io
import json
import platform
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Protocol

from sitekit.core.cache import OutputCache, code_files, engine
from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Problem, ProblemsError
from sitekit.i18n.strings import LANGUAGES
from sitekit.kits.formats import A3, A4, SHEET_A4, ScreenText, alt_name, output_name
from sitekit.kits.model import Kit, KitFile, Role, review_due
from sitekit.kits.pictograms import Pictogram, Pictograms
from sitekit.kits.printable import FONT_FILES, PrintInfo
from sitekit.kits.printdoc import read_printable
from sitekit.kits.printing import (
    PrintError,
    PrintTemplates,
    QuizTemplates,
    Rendition,
    Store,
    no_store,
    print_quiz,
    print_source,
)
from sitekit.kits.quiz import QUIZ_FILE
from sitekit.kits.quizview import QuizView, pdf_name, printable_name
from sitekit.kits.scorm import package_name
from sitekit.profile.printed import ProfileStamp
from sitekit.site.paths import kit_page_path, kit_page_url

DOWNLOADS = "kits/telechargements"  # <id>-<version>.zip and <id>/<name>.<format>.pdf|png, shared by both languages
PREVIEWS = "kits/apercus"  # <id>/<name>.<format>.png: the kit page's pictures of each format
INDEX = "kits/kits.json"
README_NAME = "LISEZMOI-README.md"
LICENCE_NAME = "LICENCE.txt"
PICTOGRAM_FOLDER = "pictogramme"  # in the archive: the kit's pictogram, as drawn (editable SVG)
FILE_MODE = 0o644


def archive_path(kit: Kit) -> str:
    return f"{DOWNLOADS}/{kit.id}-{kit.version}.zip"


def download_path(kit: Kit, name: str) -> str:
    """Site path of a made file published on its own: kits/telechargements/<id>/affiche.fr.a4.pdf."""
    return f"{DOWNLOADS}/{kit.id}/{name}"


def thumb_path(kit: Kit, name: str) -> str:
    """Site path of the kit page's picture of a made file: kits/apercus/<id>/affiche.fr.a4.png."""
    return f"{PREVIEWS}/{kit.id}/{PurePosixPath(name).with_suffix('.png')}"


def preview_path(kit: Kit, lang: str) -> str:
    """The picture at the head of the kit page: its poster (else its sheet) on A4."""
    file = poster_of(kit, lang)
    return thumb_path(kit, output_name(file, A4 if file.role is Role.AFFICHE else SHEET_A4))


def archive_time(kit: Kit) -> tuple[int, int, int, int, int, int]:
    """Timestamp of every archive entry: midnight of the kit's last review.

    Not SOURCE_DATE_EPOCH: the plugin's reproducible feature sets it to the build date, and a kit's archive (and its
    published checksum) must change only when the kit changes, not every day the site is rebuilt.
    """
    day = kit.last_review
    return (day.year, day.month, day.day, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One file of a kit as listed on its page and in kits.json."""

    path: str  # inside the kit (and inside the archive's top folder)
    role: str
    lang: str
    format: str
    size: int
    href: str | None  # site path of a separately published copy (PDFs, pictures), else None


@dataclass(frozen=True)
class Made:
    """A poster or sheet in one format, as the kit page shows it."""

    source: str  # the Markdown source, in the kit
    role: str
    lang: str
    format: str  # Format.id
    media: str  # "pdf" or "png"
    dimensions: str  # "210 × 297 mm"
    href: str  # site path of the file
    size: int
    thumb: str  # site path of its picture (the A3's is the A4's)
    thumb_size: tuple[int, int]  # pixels
    alt: str  # a picture's alternative text, '' for a PDF


@dataclass(frozen=True)
class QuizFiles:
    """What the kit's quiz.yml makes, per language: the printable quiz as text (Markdown), the SCORM package's
    files, and the quiz as the printed PDF shows it (with its title)."""

    printable: dict[str, str]
    scorm: dict[str, dict[str, bytes]]
    printed: dict[str, tuple[str, QuizView]]


NO_QUIZ = QuizFiles({}, {}, {})


@dataclass(frozen=True)
class QuizDownload:
    """A file made from the quiz, as the kit page lists it: the printable quiz or a SCORM package."""

    kind: str  # "pdf" (A4), "printable" (Markdown) or "scorm"
    lang: str
    href: str  # site path
    size: int
    sha256: str


@dataclass(frozen=True)
class KitBuild:
    kit: Kit
    archive: bytes
    entries: tuple[Entry, ...]
    files: dict[str, bytes]  # site path -> bytes of what is published beside the archive (PDFs, PNGs, thumbnails)
    made: tuple[Made, ...]
    poster_titles: dict[str, str]  # lang -> headline of the poster or sheet shown at the head of the page
    quiz_downloads: tuple[QuizDownload, ...] = ()

    @property
    def archive_path(self) -> str:
        return archive_path(self.kit)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.archive).hexdigest()

    @property
    def size(self) -> int:
        return len(self.archive)

    def outputs(self) -> dict[str, bytes]:
        """Every file this kit adds to the site, by site path."""
        return {self.archive_path: self.archive, **self.files}


class KitTexts(PrintTemplates, QuizTemplates, Protocol):
    """What the packager needs from the kits' renderer: interface strings and the print templates."""

    def text(self, key: str, lang: str) -> str: ...


CACHE_FOLDER = "kits"  # under the project's .cache/
_PRINT_PACKAGES = ("weasyprint", "pydyf", "pyphen", "tinycss2", "cssselect2", "tinyhtml5", "fonttools", "pypdfium2")


def kits_engine(print_css: Path) -> str:
    """What makes a kit's PDFs, pictures and archive besides their inputs (each page's HTML, the archive's members):
    this code and every module it imports, the print design's stylesheet, the fonts, the libraries (WeasyPrint and
    its parts, Pango, PDFium, Pillow, qrcode; zlib compresses the archive and the PNGs) and Python."""
    return engine(
        [*code_files([__name__]), print_css, *FONT_FILES.values()],
        [*_PRINT_PACKAGES, "pillow", "qrcode"],
        [f"pango {pango_version()}", f"zlib {zlib.ZLIB_RUNTIME_VERSION}", f"python {platform.python_version()}"],
    )


def pango_version() -> str:
    """The version of Debian's Pango that WeasyPrint lays out with (read without importing WeasyPrint)."""
    try:
        library = ctypes.CDLL("libpango-1.0.so.0")
    except OSError:
        return "none"
    library.pango_version_string.restype = ctypes.c_char_p
    version: bytes = library.pango_version_string()
    return version.decode("ascii")


def kits_cache(folder: Path | None, print_css: Path) -> OutputCache:
    """The cache of kit outputs under `folder` (None: no cache, everything is made)."""
    return OutputCache(folder, _engines.get(print_css, [print_css], lambda: kits_engine(print_css)))


_engines: FileMemo[str] = FileMemo()  # the engine again when the stylesheet changes


def build_kit(
    kit: Kit,
    site_url: str,
    texts: KitTexts,
    day_text: Callable[[date, str], str],
    readme: str,
    licence: str,
    stamp: ProfileStamp | None = None,
    pictograms: Pictograms | None = None,
    store: Store = no_store,
    quiz: QuizFiles = NO_QUIZ,
) -> KitBuild:
    """Print the kit's posters and sheets in every format and pack its archive; the same input gives the same
    bytes. ProblemsError names each source that does not fit its formats, with its line.

    With the establishment's `stamp`, Markdown sources have their profile markers filled in (in the archive
    too) and printed pages carry its name, logo, contact block and colours."""
    entries: list[Entry] = []
    files: dict[str, bytes] = {}
    made: list[Made] = []
    titles: dict[str, str] = {}
    problems: list[Problem] = []
    folder = PurePosixPath(kit.display_path).parent
    members: dict[str, bytes] = {"kit.yml": (kit.folder / "kit.yml").read_bytes()}
    pictogram = pictograms.of(kit) if pictograms else None
    for file in kit.files:
        data = kit.source(file).read_bytes()
        shown = str(folder / file.path)
        if stamp is not None and file.format == "md":
            data = stamp.fill(data.decode("utf-8"), shown, file.lang.value).encode("utf-8")
        members[file.path] = data
        entries.append(Entry(file.path, file.role.value, file.lang.value, file.format, len(data), None))
        if not file.printable:
            continue
        lang = file.lang.value
        doc = read_printable(data.decode("utf-8"), shown, kit.folder, poster=file.role is Role.AFFICHE)
        if doc.problems:
            problems += doc.problems
            continue
        info = print_info(kit, file, site_url, texts, day_text, stamp, pictogram)
        try:
            renditions = print_source(doc, info, file, texts, _screen_text(info, texts), store)
        except PrintError as exc:
            problems += exc.problems
            continue
        if file is poster_of(kit, lang):
            titles[lang] = doc.title
        for rendition in renditions:
            made.append(_publish(kit, rendition, members, entries, files, renditions))
    if problems:
        raise ProblemsError(problems)
    if pictogram is not None:  # the drawing, editable, under the licence LICENCE.txt names
        name = f"{PICTOGRAM_FOLDER}/{pictogram.file.name}"
        members[name] = pictogram.file.read_bytes()
    pdfs = {
        lang: print_quiz(
            view,
            title,
            print_info(
                kit,
                KitFile(path=printable_name(lang), role=Role.QUIZ, lang=lang),
                site_url,
                texts,
                day_text,
                stamp,
                pictogram,
            ),
            str(folder / QUIZ_FILE),
            texts,
            store,
        )
        for lang, (title, view) in quiz.printed.items()
    }
    downloads = _quiz_files(kit, quiz, pdfs, members, entries, files)
    members[README_NAME] = readme.encode("utf-8")
    members[LICENCE_NAME] = licence.encode("utf-8")
    names = sorted(members)
    archive = store(
        "zip",
        [
            kit.id,
            kit.version,
            *map(str, archive_time(kit)),
            *(part for name in names for part in (name, members[name])),
        ],
        partial(pack, kit, members),
    )
    return KitBuild(kit, archive, tuple(entries), files, tuple(made), titles, downloads)


def _quiz_files(
    kit: Kit,
    quiz: QuizFiles,
    pdfs: dict[str, bytes],
    members: dict[str, bytes],
    entries: list[Entry],
    files: dict[str, bytes],
) -> tuple[QuizDownload, ...]:
    """The printable quizzes (PDF and text) into the archive and beside it, each SCORM package beside the archive."""
    out: list[QuizDownload] = []
    for lang, data in pdfs.items():
        name = pdf_name(lang)
        members[name] = data
        files[download_path(kit, name)] = data
        entries.append(Entry(name, Role.QUIZ.value, lang, "pdf", len(data), download_path(kit, name)))
        out.append(QuizDownload("pdf", lang, download_path(kit, name), len(data), _sha256(data)))
    for lang, text in quiz.printable.items():
        name, data = printable_name(lang), text.encode("utf-8")
        members[name] = data
        files[download_path(kit, name)] = data
        entries.append(Entry(name, Role.QUIZ.value, lang, "md", len(data), download_path(kit, name)))
        out.append(QuizDownload("printable", lang, download_path(kit, name), len(data), _sha256(data)))
    for lang, package in quiz.scorm.items():
        data = write_zip(package, archive_time(kit))
        path = f"{DOWNLOADS}/{package_name(kit.id, kit.version, lang)}"
        files[path] = data
        out.append(QuizDownload("scorm", lang, path, len(data), _sha256(data)))
    return tuple(out)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def print_info(
    kit: Kit,
    file: KitFile,
    site_url: str,
    texts: KitTexts,
    day_text: Callable[[date, str], str],
    stamp: ProfileStamp | None,
    pictogram: Pictogram | None,
) -> PrintInfo:
    lang = file.lang.value
    theme = texts.text(f"kits.theme.{kit.themes[0].value}", lang)
    kicker = texts.text(f"kits.print.kicker.{file.role.value}", lang).format(theme=theme)
    return PrintInfo(
        lang=lang,
        url=kit_page_url(kit.id, lang, site_url),
        kit_title=kit.title[lang],
        kicker=kicker,
        scan_label=texts.text("kits.pdf.scan", lang),
        footer_lines=(
            texts.text("kits.pdf.edition", lang).format(version=kit.version, day=day_text(kit.last_review, lang)),
            texts.text("kits.pdf.licence", lang).format(licence=kit.file_licence(file)),
        ),
        day=kit.last_review,
        labels=(("pictogram_alt", texts.text("kits.print.pictogram_alt", lang)),),
        pictogram=pictogram,
        contact=stamp.contact(lang) if stamp else None,
    )


def _screen_text(info: PrintInfo, texts: KitTexts) -> ScreenText:
    colon = texts.text("kits.colon", info.lang)
    contact = info.contact
    return ScreenText(
        establishment=contact.name if contact else "",
        kicker=info.kicker,
        contact=(f"{contact.lines[0][0]}{colon} {contact.phone}", contact.phone_details) if contact else (),
        scan=f"{info.scan_label} {info.url}",
    )


def _publish(
    kit: Kit,
    rendition: Rendition,
    members: dict[str, bytes],
    entries: list[Entry],
    files: dict[str, bytes],
    renditions: list[Rendition],
) -> Made:
    """A rendition into the archive, the site and the kit page's list."""
    file, fmt, name = rendition.file, rendition.format, rendition.name
    role, lang = file.role.value, file.lang.value
    members[name] = rendition.data
    files[download_path(kit, name)] = rendition.data
    entries.append(Entry(name, role, lang, fmt.media, len(rendition.data), download_path(kit, name)))
    if rendition.alt:
        text = (rendition.alt + "\n").encode("utf-8")
        members[alt_name(file, fmt)] = text
        entries.append(Entry(alt_name(file, fmt), role, lang, "txt", len(text), None))
    shown = rendition
    if fmt is A3:  # the A3 poster is the A4 design enlarged: the kit page shows the A4's picture
        shown = next(r for r in renditions if r.file is file and r.format is A4)
    thumb = thumb_path(kit, shown.name)
    files[thumb] = shown.thumb
    return Made(
        source=file.path,
        role=role,
        lang=lang,
        format=fmt.id,
        media=fmt.media,
        dimensions=fmt.dimensions,
        href=download_path(kit, name),
        size=len(rendition.data),
        thumb=thumb,
        thumb_size=_png_size(shown.thumb),
        alt=rendition.alt,
    )


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def poster_of(kit: Kit, lang: str) -> KitFile:
    """The printable shown at the head of the kit page in a language: its first poster, else its first sheet."""
    printables = kit.printables(lang)
    return next((f for f in printables if f.role is Role.AFFICHE), printables[0])


def pack(kit: Kit, members: dict[str, bytes]) -> bytes:
    """A ZIP of `members` under one folder <id>-<version>/: sorted names, fixed time, mode and compression."""
    return write_zip(members, archive_time(kit), f"{kit.id}-{kit.version}")


def write_zip(members: dict[str, bytes], stamp: tuple[int, int, int, int, int, int], top: str = "") -> bytes:
    """A reproducible ZIP of `members` (under the folder `top`, or at its root): sorted names, the fixed time
    `stamp`, mode 0644, the same compression: the same members give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(str(PurePosixPath(top) / name) if top else name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = (0o100000 | FILE_MODE) << 16
            archive.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def kits_json(builds: list[KitBuild]) -> bytes:
    """The machine-readable catalogue: one record per kit, archive checksum included."""
    records = []
    for build in builds:
        kit = build.kit
        records.append(
            {
                "id": kit.id,
                "version": kit.version,
                "title": {lang: kit.title[lang] for lang in LANGUAGES},
                "summary": {lang: kit.summary[lang] for lang in LANGUAGES},
                "archive": build.archive_path,
                "sha256": build.sha256,
                "size": build.size,
                "last_review": kit.last_review.isoformat(),
                "review_due": review_due(kit).isoformat(),
                "licence": kit.licence,
                "audiences": [a.value for a in kit.audiences],
                "themes": [t.value for t in kit.themes],
                "pages": {lang: kit_page_path(kit.id, lang) for lang in LANGUAGES},
                "files": [
                    {"path": e.path, "role": e.role, "lang": e.lang, "format": e.format, "size": e.size}
                    for e in build.entries
                ],
                "sources": list(kit.sources),
                "quiz": [
                    {"kind": d.kind, "lang": d.lang, "path": d.href, "size": d.size, "sha256": d.sha256}
                    for d in build.quiz_downloads
                ],
            }
        )
    text = json.dumps({"kits": records}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return text.encode("utf-8")
