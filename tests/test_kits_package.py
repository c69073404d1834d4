"""Kit packages: byte-identical rebuilds, archives that match kit.yml, published checksums, PDFs with their QR target."""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import zipfile

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from sitekit.i18n import LANGUAGES, lang_prefix, load_strings
from sitekit.kits.model import load_kits
from sitekit.kits.package import (
    LICENCE_NAME,
    README_NAME,
    archive_path,
    kit_page_url,
    kits_json,
    pdf_path,
    preview_path,
)
from sitekit.kits.view import KitsRenderer, build_kits
from sitekit.profile.model import DEFAULT_PROFILE, load_profile
from sitekit.profile.printed import ProfileStamp

PROFILE = load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT)  # the shipped demo, as the site fixture
SITE_URL = PROFILE.site_url
KITS = load_kits(ROOT / "kits", ROOT)


def fresh_builds(site_url: str = SITE_URL):
    strings = load_strings(ROOT / "data" / "strings.yml")
    renderer = KitsRenderer(ROOT / "overrides" / "partials" / "kits", strings)
    return build_kits(load_kits(ROOT / "kits", ROOT), renderer, site_url, ProfileStamp(PROFILE, strings))


@pytest.fixture(scope="module")
def builds():
    return fresh_builds()


def test_seven_kits_or_more():
    assert len(KITS) >= 7


def test_rebuild_is_byte_identical(builds, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = fresh_builds()
    for first, second in zip(builds, again, strict=True):
        assert first.outputs() == second.outputs(), first.kit.id
    assert kits_json(builds) == kits_json(again)


def test_site_files_equal_a_fresh_build(site, builds):
    """The files another process published are the same bytes as this process makes: nothing random."""
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
                {"kit.yml", README_NAME, LICENCE_NAME}
                | {f.path for f in kit.files}
                | {f.pdf_name for f in kit.files if f.printable}
            )
            assert {n.removeprefix(top) for n in names} == expected
            assert all(n.startswith(top) for n in names)
            for file in kit.files:
                packed, source = archive.read(top + file.path).decode("utf-8"), kit.source(file).read_text("utf-8")
                # The establishment's values in place of the profile markers; the rest as written.
                assert "<!-- profil:" not in packed
                parts = re.split(r"<!-- profil:[^>]*-->", source)
                assert packed.startswith(parts[0]) and packed.endswith(parts[-1]), file.path
                assert all(part in packed for part in parts), file.path
            for file in kit.files:
                if file.printable:
                    assert archive.read(top + file.pdf_name) == build.pdfs[pdf_path(kit, file)]
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
    """hook_reproducible sets SOURCE_DATE_EPOCH to the build date: a kit's checksum must not change with it."""
    renderer = KitsRenderer(ROOT / "overrides" / "partials" / "kits", load_strings(ROOT / "data" / "strings.yml"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    [before] = build_kits(KITS[:1], renderer, SITE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    [after] = build_kits(KITS[:1], renderer, SITE_URL)
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
    assert checked == 2 * 2 * len(KITS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_pdf_opens_and_carries_the_qr_target(site, lang):
    for kit in KITS:
        url = kit_page_url(kit.id, lang, SITE_URL)
        assert url == f"{SITE_URL}{lang_prefix(lang)}kits/fiches/{kit.id}.html"
        for file in kit.printables(lang):
            reader = PdfReader(site / pdf_path(kit, file))
            assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # A4
            assert reader.metadata.title and reader.metadata.creation_date.year == kit.last_review.year
            for page in reader.pages:
                uris = {a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])}
                assert uris == {url}, (kit.id, file.path)
                assert url in page.extract_text().replace("\n", ""), (kit.id, file.path)
            fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
            assert fonts and all("DejaVuSans" in f for f in fonts), fonts
            assert all(
                "/FontFile2" in f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                for p in reader.pages
                for f in p["/Resources"]["/Font"].values()
            )  # embedded


def test_previews_are_png_images(builds):
    for build in builds:
        for lang in LANGUAGES:
            png = build.outputs()[preview_path(build.kit, lang)]
            assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_french_typography_in_kit_sources():
    """French sources: narrow non-breaking space before : ; ! ? and inside guillemets, typographic apostrophe."""
    for kit in KITS:
        for file in kit.files:
            if file.lang.value != "fr" or file.format != "md":
                continue
            text = kit.source(file).read_text(encoding="utf-8")
            shown = f"{kit.id}/{file.path}"
            assert not re.search(r" [:;!?](\s|$)", text), shown
            assert "'" not in text, shown
            assert not re.search(r"«[^\u00a0\u202f]|[^\u00a0\u202f]»", text), shown


def test_characters_missing_from_the_font_are_reported(tmp_path):
    from sitekit.kits.printable import print_problems
    from test_kits import make_kit

    kit_dir = make_kit(tmp_path)
    (kit_dir / "affiche.fr.md").write_text("# Titre\n\n- Bravo 🙂\n", encoding="utf-8")
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    assert [str(p) for p in print_problems(kit)] == [
        "kits/demo/affiche.fr.md:3: cannot be printed in the PDF: '🙂' (U+1F642) (remove the character or write it "
        "in words (emoji and rare symbols are not in the font))"
    ]
    assert all(print_problems(k) == [] for k in KITS)
