"""What the build publishes for each kit: PDFs, previews, one reproducible ZIP archive, and kits.json."""

from __future__ import annotations

import hashlib
import io
import json
import platform
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path, PurePosixPath

from sitekit.cache import OutputCache, engine
from sitekit.i18n import LANGUAGES
from sitekit.kits.model import Kit, KitFile, review_due
from sitekit.kits.printable import BOLD, REGULAR, PrintInfo
from sitekit.paths import kit_page_path, kit_page_url
from sitekit.profile.printed import ContactBlock, ProfileStamp

DOWNLOADS = "kits/telechargements"  # <id>-<version>.zip and <id>/<name>.pdf, shared by both languages
PREVIEWS = "kits/apercus"  # <id>.<lang>.png
INDEX = "kits/kits.json"
README_NAME = "LISEZMOI-README.md"
LICENCE_NAME = "LICENCE.txt"
FILE_MODE = 0o644


def archive_path(kit: Kit) -> str:
    return f"{DOWNLOADS}/{kit.id}-{kit.version}.zip"


def pdf_path(kit: Kit, file: KitFile) -> str:
    return f"{DOWNLOADS}/{kit.id}/{file.pdf_name}"


def preview_path(kit: Kit, lang: str) -> str:
    return f"{PREVIEWS}/{kit.id}.{lang}.png"


def archive_time(kit: Kit) -> tuple[int, int, int, int, int, int]:
    """Timestamp of every archive entry: midnight of the kit's last review.

    Not SOURCE_DATE_EPOCH: hook_reproducible sets it to the build date, and a kit's archive (and its
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
    href: str | None  # site path of a separately published copy (PDFs), else None


@dataclass(frozen=True)
class KitBuild:
    kit: Kit
    archive: bytes
    entries: tuple[Entry, ...]
    pdfs: dict[str, bytes]  # site path -> bytes
    previews: dict[str, bytes]  # lang -> PNG bytes
    poster_titles: dict[str, str]  # lang -> title of the printed poster or sheet (for alt texts)

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
        out = {self.archive_path: self.archive, **self.pdfs}
        out.update({preview_path(self.kit, lang): png for lang, png in self.previews.items()})
        return out


# Texts the packager needs from the interface strings: (key, lang) -> text.
Texts = Callable[[str, str], str]


CACHE_FOLDER = "kits"  # under the project's .cache/


@lru_cache(maxsize=1)
def kits_engine() -> str:
    """What makes a kit's PDFs, previews and archive besides their inputs: this code, the fonts, the libraries
    (fpdf2 subsets the fonts with fontTools; zlib compresses the archive) and Python."""
    here = Path(__file__).resolve().parent
    return engine(
        [here / "package.py", here / "print.py", here / "printable.py", REGULAR, BOLD],
        ["fpdf2", "fonttools", "pillow", "qrcode"],
        [f"zlib {zlib.ZLIB_RUNTIME_VERSION}", f"python {platform.python_version()}"],
    )


def kits_cache(folder: Path | None) -> OutputCache:
    """The cache of kit outputs under `folder` (None: no cache, everything is made)."""
    return OutputCache(folder, kits_engine())


def build_kit(
    kit: Kit,
    site_url: str,
    texts: Texts,
    day_text: Callable[[date, str], str],
    readme: str,
    licence: str,
    stamp: ProfileStamp | None = None,
    cache: OutputCache | None = None,
) -> KitBuild:
    """Print the kit's PDFs and previews and pack its archive; the same input gives the same bytes, from `cache`
    when they were made before.

    With the establishment's `stamp`, Markdown sources have their profile markers filled in (in the archive
    too) and printed pages carry its contact block and colours."""
    cache = cache or OutputCache(None, "")
    pdfs: dict[str, bytes] = {}
    entries: list[Entry] = []
    previews: dict[str, bytes] = {}
    titles: dict[str, str] = {}
    members: dict[str, bytes] = {"kit.yml": (kit.folder / "kit.yml").read_bytes()}
    for file in kit.files:
        data = kit.source(file).read_bytes()
        if stamp is not None and file.format == "md":
            shown = str(PurePosixPath(kit.display_path).parent / file.path)
            data = stamp.fill(data.decode("utf-8"), shown, file.lang.value).encode("utf-8")
        members[file.path] = data
        entries.append(Entry(file.path, file.role.value, file.lang.value, file.format, len(data), None))
        if not file.printable:
            continue
        lang = file.lang.value
        markdown = data.decode("utf-8")
        info = PrintInfo(
            lang=lang,
            url=kit_page_url(kit.id, lang, site_url),
            kit_title=kit.title[lang],
            scan_label=texts("kits.pdf.scan", lang),
            footer_lines=(
                texts("kits.pdf.edition", lang).format(version=kit.version, day=day_text(kit.last_review, lang)),
                texts("kits.pdf.licence", lang).format(licence=kit.file_licence(file)),
            ),
            day=kit.last_review,
            contact=stamp.contact(lang) if stamp else None,
        )
        poster, logo = file.role.value == "affiche", _logo_bytes(info.contact)
        pdf = cache.get("pdf", [markdown, repr(info), logo, poster], partial(_render_pdf, markdown, info, poster))
        members[file.pdf_name] = pdf
        pdfs[pdf_path(kit, file)] = pdf
        entries.append(Entry(file.pdf_name, file.role.value, lang, "pdf", len(pdf), pdf_path(kit, file)))
        if file is poster_of(kit, lang):
            title, url, contact = kit.title[lang], info.url, info.contact
            previews[lang] = cache.get(
                "png",
                [markdown, title, url, repr(contact), logo, lang],
                partial(_render_preview, markdown, title, url, contact, lang),
            )
            titles[lang] = _first_title(markdown, kit.title[lang])
    members[README_NAME] = readme.encode("utf-8")
    members[LICENCE_NAME] = licence.encode("utf-8")
    names = sorted(members)
    archive = cache.get(
        "zip",
        [kit.id, kit.version, *archive_time(kit), *(part for name in names for part in (name, members[name]))],
        partial(pack, kit, members),
    )
    return KitBuild(kit, archive, tuple(entries), pdfs, previews, titles)


def _logo_bytes(contact: ContactBlock | None) -> bytes | None:
    """The establishment's logo drawn on the printed page (its path alone would not tell an edited logo)."""
    return contact.logo.read_bytes() if contact else None


# The renderers are imported on first use: fpdf2, Pillow and qrcode take about 0.3 s to import, and a build
# whose kits are all in the cache needs none of them.
def _render_pdf(markdown: str, info: PrintInfo, poster: bool) -> bytes:
    from sitekit.kits.print import render_pdf

    return render_pdf(markdown, info, poster=poster)


def _render_preview(markdown: str, title: str, url: str, contact: ContactBlock | None, lang: str) -> bytes:
    from sitekit.kits.print import render_preview

    return render_preview(markdown, title, url, contact=contact, lang=lang)


def poster_of(kit: Kit, lang: str) -> KitFile:
    """The printable shown as the kit's preview in a language: its first poster, else its first sheet."""
    printables = kit.printables(lang)
    return next((f for f in printables if f.role.value == "affiche"), printables[0])


def _first_title(markdown: str, default: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def pack(kit: Kit, members: dict[str, bytes]) -> bytes:
    """A ZIP of `members` under one folder <id>-<version>/: sorted names, fixed time, mode and compression."""
    buffer = io.BytesIO()
    top = f"{kit.id}-{kit.version}"
    stamp = archive_time(kit)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(str(PurePosixPath(top) / name), date_time=stamp)
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
            }
        )
    text = json.dumps({"kits": records}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return text.encode("utf-8")
