"""The kit outputs' cache: a warm cache renders nothing and gives the same bytes; a changed input is made again."""

from __future__ import annotations

from collections import Counter

import pytest

import sitekit.kits.print as printing
from conftest import ROOT
from sitekit.cache import OutputCache, engine, fingerprint
from sitekit.i18n import load_strings
from sitekit.kits.model import load_kits
from sitekit.kits.package import kits_cache
from sitekit.kits.view import KitsRenderer, build_kits
from test_kits import make_kit

SITE_URL = "https://example.org/"


@pytest.fixture
def renders(monkeypatch) -> Counter:
    """Counts the PDFs and previews actually rendered (not read from a cache)."""
    counts: Counter = Counter()
    render_pdf, render_preview = printing.render_pdf, printing.render_preview

    def pdf(*args, **kwargs):
        counts["pdf"] += 1
        return render_pdf(*args, **kwargs)

    def preview(*args, **kwargs):
        counts["png"] += 1
        return render_preview(*args, **kwargs)

    monkeypatch.setattr(printing, "render_pdf", pdf)
    monkeypatch.setattr(printing, "render_preview", preview)
    return counts


@pytest.fixture(scope="module")
def renderer() -> KitsRenderer:
    return KitsRenderer(ROOT / "overrides" / "partials" / "kits", load_strings(ROOT / "data" / "strings.yml"))


def outputs(builds) -> dict[str, bytes]:
    return {path: data for build in builds for path, data in build.outputs().items()}


def test_a_warm_cache_renders_nothing_and_gives_the_same_bytes(tmp_path, renders, renderer):
    make_kit(tmp_path)
    kits = load_kits(tmp_path / "kits", tmp_path)
    uncached = build_kits(kits, renderer, SITE_URL)
    assert renders == {"pdf": 2, "png": 2}

    renders.clear()
    cold = kits_cache(tmp_path / ".cache" / "kits")
    first = build_kits(kits, renderer, SITE_URL, cache=cold)
    assert renders == {"pdf": 2, "png": 2} and (cold.made, cold.found) == (5, 0)  # 2 PDFs, 2 previews, 1 archive

    renders.clear()
    warm = kits_cache(tmp_path / ".cache" / "kits")  # another build: nothing shared but the folder
    second = build_kits(load_kits(tmp_path / "kits", tmp_path), renderer, SITE_URL, cache=warm)
    assert renders == {} and (warm.made, warm.found) == (0, 5)
    assert outputs(first) == outputs(second) == outputs(uncached)
    assert [b.entries for b in second] == [b.entries for b in uncached]
    assert [b.poster_titles for b in second] == [b.poster_titles for b in uncached]


def test_a_changed_source_is_rendered_again(tmp_path, renders, renderer):
    folder = make_kit(tmp_path)
    cache_dir = tmp_path / ".cache" / "kits"
    [before] = build_kits(load_kits(tmp_path / "kits", tmp_path), renderer, SITE_URL, cache=kits_cache(cache_dir))
    (folder / "affiche.fr.md").write_text("# Titre changé\n\n- autre point\n", encoding="utf-8")

    renders.clear()
    kits = load_kits(tmp_path / "kits", tmp_path)
    [after] = build_kits(kits, renderer, SITE_URL, cache=kits_cache(cache_dir))
    assert renders == {"pdf": 1, "png": 1}  # the French poster and its preview; the English ones are cached
    assert after.pdfs != before.pdfs and after.archive != before.archive
    assert after.previews["en"] == before.previews["en"] and after.previews["fr"] != before.previews["fr"]
    assert outputs([after]) == outputs(build_kits(kits, renderer, SITE_URL))


def test_another_site_url_prints_other_qr_codes(tmp_path, renders, renderer):
    make_kit(tmp_path)
    kits = load_kits(tmp_path / "kits", tmp_path)
    build_kits(kits, renderer, SITE_URL, cache=kits_cache(tmp_path / "cache"))
    renders.clear()
    [other] = build_kits(kits, renderer, "https://intranet.example/", cache=kits_cache(tmp_path / "cache"))
    assert renders == {"pdf": 2, "png": 2}
    assert outputs([other]) == outputs(build_kits(kits, renderer, "https://intranet.example/"))


def test_another_engine_misses(tmp_path):
    made = []

    def make() -> bytes:
        made.append(1)
        return b"data"

    OutputCache(tmp_path, "engine 1").get("pdf", ["input"], make)
    OutputCache(tmp_path, "engine 1").get("pdf", ["input"], make)
    OutputCache(tmp_path, "engine 2").get("pdf", ["input"], make)
    assert len(made) == 2


def test_engine_follows_its_files(tmp_path):
    code = tmp_path / "render.py"
    code.write_text("A = 1\n", encoding="utf-8")
    first = engine([code], ["pillow"], ["zlib 1"])
    assert engine([code], ["pillow"], ["zlib 1"]) == first
    assert engine([code], ["pillow"], ["zlib 2"]) != first
    code.write_text("A = 2\n", encoding="utf-8")
    assert engine([code], ["pillow"], ["zlib 1"]) != first


def test_fingerprint_parts_do_not_run_together():
    assert fingerprint(["ab", "c"]) != fingerprint(["a", "bc"])
    assert fingerprint([b"1"]) != fingerprint(["1"]) != fingerprint([1])


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = OutputCache(blocked / "kits", "engine")
    assert cache.get("pdf", ["input"], lambda: b"data") == b"data"
    assert cache.get("pdf", ["input"], lambda: b"data") == b"data"
    assert (cache.made, cache.found) == (2, 0)


def test_the_fonts_characters_are_kept(tmp_path):
    from sitekit.kits import printable

    printable._characters.clear()
    read = printable.printable_characters()
    assert ord("é") in read and ord("’") in read and 0x1F642 not in read
    printable._characters.clear()
    assert printable.printable_characters(tmp_path) == read
    [stored] = tmp_path.glob("printable-*.json")
    stored.write_text("[65, 66", encoding="utf-8")  # broken: the fonts are read again
    printable._characters.clear()
    assert printable.printable_characters(tmp_path) == read
    printable._characters.clear()
    stored.write_text("[65, 66]", encoding="utf-8")  # what a build reads: the file, not the fonts
    assert printable.printable_characters(tmp_path) == {65, 66}
    printable._characters.clear()


def test_an_edited_logo_prints_the_pages_again(tmp_path, renders, renderer):
    import dataclasses
    import shutil

    from sitekit.profile.model import load_profile
    from sitekit.profile.printed import ProfileStamp

    make_kit(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "profil.yml", tmp_path / "data" / "profil.yml")
    profile = load_profile(tmp_path / "data" / "profil.yml", "data/profil.yml", ROOT)
    logo = tmp_path / "logo.svg"
    shutil.copy(profile.logo_file, logo)
    profile = dataclasses.replace(profile, logo_file=logo)
    stamp = ProfileStamp(profile, renderer.strings)
    kits = load_kits(tmp_path / "kits", tmp_path)
    build_kits(kits, renderer, SITE_URL, stamp, cache=kits_cache(tmp_path / "cache"))
    assert renders["pdf"] == 2
    renders.clear()
    build_kits(kits, renderer, SITE_URL, stamp, cache=kits_cache(tmp_path / "cache"))
    assert renders == {}
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- v2 --></svg>"), encoding="utf-8")
    again = build_kits(kits, renderer, SITE_URL, stamp, cache=kits_cache(tmp_path / "cache"))
    assert renders["pdf"] == 2  # the logo is drawn on each page: its bytes are part of the key, not only its path
    assert outputs(again) == outputs(build_kits(kits, renderer, SITE_URL, stamp))
