"""Kit packages: the same bytes from another process, archives that match kit.yml, published checksums, every format
of the posters and sheets (sizes, metadata, fonts, links to the kit's page).

Laying out every poster takes about as long as a site build: the module is marked `build` (not in `make unit`)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from sitekit.core.cache import CACHE_DIR
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings
from sitekit.kits.formats import A3, A4, SHEET_A4, formats_of, output_name, output_names
from sitekit.kits.model import load_kits
from sitekit.kits.package import (
    CACHE_FOLDER,
    LICENCE_NAME,
    PICTOGRAM_FOLDER,
    README_NAME,
    archive_path,
    download_path,
    kit_page_url,
    kits_cache,
    kits_json,
    preview_path,
)
from sitekit.kits.pictograms import load_pictograms
from sitekit.kits.quizview import pdf_name, printable_name
from sitekit.kits.view import KitsRenderer, build_kits
from sitekit.profile.model import DEFAULT_PROFILE, load_profile
from sitekit.profile.printed import ProfileStamp
from support.pdftext import page_texts

pytestmark = pytest.mark.long

PROFILE = load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT)  # the shipped demo, as the site fixture
SITE_URL = PROFILE.site_url
KITS = load_kits(ROOT / "kits", ROOT)
PICTOGRAMS = load_pictograms(ROOT)
MM = 72 / 25.4  # PDF points per millimetre


def fresh_builds(site_url: str = SITE_URL, kits=KITS):
    strings = load_strings(ROOT / "data" / "strings.yml")
    renderer = KitsRenderer(ROOT / "overrides" / "partials" / "kits", strings)
    return build_kits(kits, renderer, site_url, ProfileStamp(PROFILE, strings), PICTOGRAMS)


@pytest.fixture(scope="module")
def builds(site):
    """Every kit as the site's build made it: its outputs read from the project's cache (.cache/kits/), which that
    build filled (tests/site/test_kits_cache.py checks that a cached output is the one made)."""
    strings = load_strings(ROOT / "data" / "strings.yml")
    renderer = KitsRenderer(ROOT / "overrides" / "partials" / "kits", strings)
    cache = kits_cache(ROOT / CACHE_DIR / CACHE_FOLDER, renderer.print_css)
    return build_kits(KITS, renderer, SITE_URL, ProfileStamp(PROFILE, strings), PICTOGRAMS, cache.get)


# Made again without a cache in this process: a kit of reflex sheets and a kit with a poster and screens.
FRESH = ("exercice-crise", "hameconnage")


def test_seven_kits_or_more():
    assert len(KITS) >= 7


def test_site_files_equal_a_fresh_build(site, builds, monkeypatch):
    """The files another process published (the site's build) are the same bytes as this process makes, without a
    cache (a sheet kit and a poster kit: the same code prints every kit): nothing random, nothing taken from the
    machine's clock. The site publishes every kit's outputs as the cache holds them."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fresh = fresh_builds(kits=[kit for kit in KITS if kit.id in FRESH])
    assert [build.kit.id for build in fresh] == [kit.id for kit in KITS if kit.id in FRESH] and len(fresh) == 2
    for build in fresh:
        for path, data in build.outputs().items():
            assert (site / path).read_bytes() == data, path
    for build in builds:
        for path, data in build.outputs().items():
            assert (site / path).read_bytes() == data, path
    assert (site / "kits" / "kits.json").read_bytes() == kits_json(builds)


def test_archive_content_matches_kit_yml(builds):
    for build in builds:
        kit = build.kit
        top = f"{kit.id}-{kit.version}/"
        with zipfile.ZipFile(io.BytesIO(build.archive)) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            assert names == sorted(names)
            expected = (
                {"kit.yml", README_NAME, LICENCE_NAME, f"{PICTOGRAM_FOLDER}/{PICTOGRAMS.of(kit).file.name}"}
                | {f.path for f in kit.files}
                | {name for f in kit.files for name in output_names(f)}
                | (
                    {n(lang) for lang in LANGUAGES for n in (pdf_name, printable_name)} if kit.quiz else set()
                )  # quiz.yml's
            )
            assert {n.removeprefix(top) for n in names} == expected
            assert all(n.startswith(top) for n in names)
            for file in kit.files:
                packed, source = archive.read(top + file.path).decode("utf-8"), kit.source(file).read_text("utf-8")
                # The establishment's values in place of the profile markers; the rest as written.
                assert "<!-- profile:" not in packed
                parts = re.split(r"<!-- profile:[^>]*-->", source)
                assert packed.startswith(parts[0]) and packed.endswith(parts[-1]), file.path
                assert all(part in packed for part in parts), file.path
            for file in kit.files:
                for fmt in formats_of(file):
                    name = output_name(file, fmt)
                    assert archive.read(top + name) == build.files[download_path(kit, name)]
            day = kit.last_review
            for info in infos:
                assert info.date_time == (day.year, day.month, day.day, 0, 0, 0)
                assert stat.S_IMODE(info.external_attr >> 16) == 0o644
                assert info.compress_type == zipfile.ZIP_DEFLATED
            readme = archive.read(top + README_NAME).decode("utf-8")
            assert kit.title["fr"] in readme and kit.title["en"] in readme
            assert all(kit_page_url(kit.id, lang, SITE_URL) in readme for lang in LANGUAGES)  # where the kit lives
            assert kit.licence in archive.read(top + LICENCE_NAME).decode("utf-8")


def test_archive_does_not_follow_the_build_date(monkeypatch):
    """The reproducible feature sets SOURCE_DATE_EPOCH to the build date: a kit's checksum must not change with it."""
    renderer = KitsRenderer(ROOT / "overrides" / "partials" / "kits", load_strings(ROOT / "data" / "strings.yml"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    kit = [k for k in KITS if k.id == "exercice-crise"]  # two reflex sheets: the quickest kit to print
    [before] = build_kits(kit, renderer, SITE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    [after] = build_kits(kit, renderer, SITE_URL)
    assert after.archive == before.archive
    assert after.sha256 == before.sha256


def test_kits_json_checksums_match_the_archives(site):
    records = json.loads((site / "kits" / "kits.json").read_text(encoding="utf-8"))["kits"]
    assert [r["id"] for r in records] == [k.id for k in KITS]
    for record, kit in zip(records, KITS, strict=True):
        data = (site / record["archive"]).read_bytes()
        assert record["archive"] == archive_path(kit)
        assert record["sha256"] == hashlib.sha256(data).hexdigest()
        assert record["size"] == len(data)
        assert record["version"] == kit.version and record["last_review"] == kit.last_review.isoformat()
        assert record["title"] == {"fr": kit.title.fr, "en": kit.title.en}
        assert {f["path"] for f in record["files"]} >= {f.path for f in kit.files}
        for entry in record["files"]:
            assert set(entry) == {"path", "role", "lang", "format", "size"}


def test_page_checksums_match_the_archives(site):
    """Every link carrying data-sha256 (catalogue and kit pages, both languages) points to a file with that hash."""
    checked = 0
    for lang in LANGUAGES:
        pages = [f"{lang_prefix(lang)}kits/index.html"] + [f"{lang_prefix(lang)}kits/fiches/{k.id}.html" for k in KITS]
        for page in pages:
            tree = HTMLParser((site / page).read_text(encoding="utf-8"))
            links = tree.css("a[data-sha256]")
            assert links, page
            for link in links:
                target = (site / page).parent / link.attributes["href"]
                assert hashlib.sha256(target.read_bytes()).hexdigest() == link.attributes["data-sha256"], page
                checked += 1
            shown = [c.text(strip=True) for c in tree.css("code.kit-sha256")]
            assert all(re.fullmatch(r"[0-9a-f]{64}", s) for s in shown)
    # catalogue and kit page link each archive; a kit page also links its printable quizzes (PDF and text) and
    # SCORM packages in each language
    assert checked == 2 * 2 * len(KITS) + 2 * 3 * len(LANGUAGES) * len([k for k in KITS if k.quiz])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_pdf_has_its_size_metadata_link_and_embedded_font(site, lang):
    for kit in KITS:
        url = kit_page_url(kit.id, lang, SITE_URL)
        assert url == f"{SITE_URL}{lang_prefix(lang)}kits/fiches/{kit.id}.html"
        for file in kit.printables(lang):
            for fmt in (f for f in formats_of(file) if f.is_pdf):
                path = site / download_path(kit, output_name(file, fmt))
                reader = PdfReader(path)
                assert len(reader.pages) == 1, path.name  # one page: a source that does not fit stops the build
                box = reader.pages[0].mediabox
                assert (float(box.width), float(box.height)) == pytest.approx(
                    (fmt.width * MM, fmt.height * MM), abs=0.1
                )
                assert reader.metadata.title and reader.metadata.creation_date.year == kit.last_review.year
                page = reader.pages[0]
                uris = {a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])}
                assert url in uris, (kit.id, path.name)
                text = page_texts(path.read_bytes())[0]
                assert url in text.replace("\n", "").replace("\u00ad", ""), (kit.id, path.name)
                fonts = {f["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
                assert fonts and all("Atkinson-Hyperlegible-Next" in f for f in fonts), fonts
                assert all(
                    "/FontFile2" in f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                    for f in page["/Resources"]["/Font"].values()
                )  # embedded


def test_screens_and_previews_are_pngs_of_their_size(builds):
    for build in builds:
        for made in build.made:
            data = build.files[made.href]
            if made.media == "png":
                assert Image.open(io.BytesIO(data)).size == tuple(int(n) for n in made.format.split("x")), made.href
            thumb = Image.open(io.BytesIO(build.files[made.thumb]))
            assert thumb.format == "PNG" and thumb.size == made.thumb_size, made.thumb
        for lang in LANGUAGES:
            assert preview_path(build.kit, lang) in build.files


def words(data: bytes) -> list[str]:
    """The words of a PDF's first page, those the layout hyphenated joined again."""
    return re.sub("\u00ad\\s*", "", page_texts(data)[0]).split()


def test_a3_posters_are_the_a4_design_enlarged(builds):
    """Same text, same type size relative to the page: the A3's words are the A4's, its page √2 larger."""
    for build in builds:
        for file in build.kit.files:
            if A3 in formats_of(file):
                a4, a3 = (build.files[download_path(build.kit, output_name(file, f))] for f in (A4, A3))
                assert words(a4) == words(a3), file.path
            assert SHEET_A4 not in formats_of(file) or A3 not in formats_of(file)
