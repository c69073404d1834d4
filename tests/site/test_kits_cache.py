"""The kit outputs' cache: a warm cache lays nothing out and gives the same bytes; a changed source is laid out again,
alone. (Laying out posters takes seconds: marked `build`, out of `make unit`.)"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from sitekit.i18n.strings import load_strings
from sitekit.kits import render
from sitekit.kits.model import load_kits
from sitekit.kits.package import kits_cache
from sitekit.kits.pictograms import load_pictograms
from sitekit.kits.view import KitsRenderer, build_kits
from support.kits import make_kit

SITE_URL = "https://example.org/"
POSTER = "# Un doute ? Signalez\n\nUn paragraphe.\n\n- Un point.\n\n> Signalez-le.\n"


@pytest.fixture
def layouts(monkeypatch) -> Counter:
    """Counts the pages laid out by WeasyPrint, by source title."""
    counts: Counter = Counter()
    lay_out = render.lay_out

    def counted(html, css_file):
        counts["pages"] += 1
        counts[html.split("<title>", 1)[1].split("</title>", 1)[0]] += 1
        return lay_out(html, css_file)

    monkeypatch.setattr(render, "lay_out", counted)
    return counts


@pytest.fixture(scope="module")
def renderer() -> KitsRenderer:
    return KitsRenderer(ROOT / "overrides" / "partials" / "kits", load_strings(ROOT / "data" / "strings.yml"))


def outputs(builds) -> dict[str, bytes]:
    return {path: data for build in builds for path, data in build.outputs().items()}


def test_a_warm_cache_lays_nothing_out_and_gives_the_same_bytes(tmp_path, layouts, renderer):
    kit_dir = make_kit(tmp_path)
    (kit_dir / "affiche.fr.md").write_text(POSTER, encoding="utf-8")
    kits, pictograms = load_kits(tmp_path / "kits", tmp_path), load_pictograms(ROOT)
    uncached = outputs(build_kits(kits, renderer, SITE_URL, pictograms=pictograms))
    assert layouts["pages"] >= 5  # the poster in A4, A3 and two pictures; the sheet in A4

    layouts.clear()
    cold = kits_cache(tmp_path / ".cache" / "kits", renderer.print_css)
    assert outputs(build_kits(kits, renderer, SITE_URL, pictograms=pictograms, store=cold.get)) == uncached
    # 5 pages, their 4 thumbnails (the A3 shares the A4's), 1 zip, the QR codes of the 2 kit pages (fr, en)
    assert cold.made == 5 + 4 + 1 + 2 and cold.found == 0

    layouts.clear()
    warm = kits_cache(tmp_path / ".cache" / "kits", renderer.print_css)
    assert outputs(build_kits(kits, renderer, SITE_URL, pictograms=pictograms, store=warm.get)) == uncached
    assert layouts["pages"] == 0 and (warm.made, warm.found) == (0, 12)


def test_a_changed_source_is_laid_out_again_alone(tmp_path, layouts, renderer):
    kit_dir = make_kit(tmp_path)
    (kit_dir / "affiche.fr.md").write_text(POSTER, encoding="utf-8")
    pictograms = load_pictograms(ROOT)
    cache = kits_cache(tmp_path / ".cache" / "kits", renderer.print_css)
    build_kits(load_kits(tmp_path / "kits", tmp_path), renderer, SITE_URL, pictograms=pictograms, store=cache.get)
    (kit_dir / "affiche.fr.md").write_text(POSTER.replace("Un paragraphe.", "Un autre paragraphe."), encoding="utf-8")
    layouts.clear()
    again = kits_cache(tmp_path / ".cache" / "kits", renderer.print_css)
    build_kits(load_kits(tmp_path / "kits", tmp_path), renderer, SITE_URL, pictograms=pictograms, store=again.get)
    # (the French poster's HTML is typeset: a narrow no-break space before « ? »)
    assert (
        layouts["Un doute\u202f? Signalez"] >= 3 and layouts["Titre"] == 0
    )  # the English sheet is read from the cache
    # Found: the sheet's PDF and picture, and the 1200 × 630 picture and its own (it does not show the paragraph:
    # same HTML, same picture), and the 2 QR codes. Made again: the A4, A3 and large screen, and the archive.
    assert again.found == 4 + 2 and again.made == 3 + 2 + 1
