"""axe-core (WCAG 2.1 A and AA) on every built page of both languages, in the light and the dark palette.

One sweep opens each page once per palette and also records what the page requested and logged, so that
the privacy and console checks cover every page too. Pages added later (kits, criteria, news) are found
by walking the built site, not from a list. The pages are swept in two parts (every other page), one test
class each, so that `make test` (pytest -n 2 --dist loadscope: one class per worker) sweeps both at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from browser import AXE_JS, PageWatch, axe_violations, format_violations, launch, serve, site_pages
from conftest import ROOT

pytestmark = pytest.mark.browser
import playwright.sync_api as playwright_api  # noqa: E402 - in requirements.txt: never skipped

# Palette name -> (prefers-color-scheme to emulate, Material scheme the page must then show).
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}
PARTS = 2
BODY_STATE = """() => {
  const rgb = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number);
  return {scheme: document.body.getAttribute('data-md-color-scheme'), luminance: (rgb[0] + rgb[1] + rgb[2]) / 765};
}"""


@dataclass
class Sweep:
    pages: list[str]
    part: int = 0
    swept: dict[str, list[str]] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    palette_problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_sweep(site, pages: list[str], part: int = 0) -> Sweep:
    """axe-core on each page in both palettes, recording palette, request and console problems too."""
    assert AXE_JS.is_file(), (
        f"{AXE_JS} is missing: run `make test` (it runs `npm ci`, axe-core is in package-lock.json)"
    )
    result = Sweep(pages, part)
    started = time.monotonic()
    with serve(site) as base, playwright_api.sync_playwright() as p:
        browser = launch(p)
        for palette, (emulated, scheme) in PALETTES.items():
            context = browser.new_context(service_workers="block", color_scheme=emulated)
            context.add_init_script(path=str(AXE_JS))
            page = context.new_page()
            watch = PageWatch(page)
            result.swept[palette] = []
            for rel in result.pages:
                where = f"{rel} [{palette}]"
                page.goto(base + rel)
                state = page.evaluate(BODY_STATE)
                dark = state["luminance"] < 0.3
                if state["scheme"] != scheme or dark != (palette == "dark"):
                    result.palette_problems.append(
                        f"{where}: scheme {state['scheme']!r}, background luminance "
                        f"{state['luminance']:.2f} (expected {scheme!r})"
                    )
                result.violations += format_violations(where, axe_violations(page))
                result.foreign += [f"{where}: {url}" for url in watch.foreign]
                result.console += [f"{where}: {text}" for text in watch.errors]
                watch.foreign.clear()
                watch.errors.clear()
                result.swept[palette].append(rel)
            context.close()
        browser.close()
    result.seconds = time.monotonic() - started
    return result


@pytest.fixture(scope="class")
def sweep(request, site) -> Sweep:
    """One part of the sweep (the test class's `part`): every PARTS-th page from page `part` on."""
    part = request.cls.part
    result = run_sweep(site, site_pages(site)[part::PARTS], part)
    print(
        f"\naxe sweep, part {result.part + 1} of {PARTS}: {len(result.pages)} pages x {len(PALETTES)} palettes "
        f"in {result.seconds:.0f} s ({result.seconds / len(result.pages) / len(PALETTES):.2f} s per page and palette)"
    )
    return result


class SweepChecks:
    """The checks of one part of the sweep (a subclass per part: `part` is its index)."""

    part: int

    def test_every_page_of_both_languages_is_swept(self, sweep, site):
        every = site_pages(site)
        assert "index.html" in every and "en/index.html" in every
        assert len(every) == len(list(site.rglob("*.html")))
        # The parts, each page in one part only, cover the site; this part was swept whole in each palette.
        parts = [every[part::PARTS] for part in range(PARTS)]
        assert sorted(page for part in parts for page in part) == every
        assert sweep.part == self.part and sweep.pages == parts[self.part] and len(sweep.pages) >= len(every) // PARTS
        assert sweep.swept == dict.fromkeys(PALETTES, sweep.pages)

    def test_each_palette_is_really_applied(self, sweep):
        assert sweep.palette_problems == []

    def test_no_wcag_violation_in_either_palette(self, sweep):
        assert sweep.violations == [], "axe-core WCAG 2.1 A/AA violations:\n" + "\n".join(sweep.violations)

    def test_no_request_to_another_host_on_any_page(self, sweep):
        assert sweep.foreign == [], "requests to hosts other than 127.0.0.1:\n" + "\n".join(sweep.foreign)

    def test_no_console_error_on_any_page(self, sweep):
        assert sweep.console == [], "console errors:\n" + "\n".join(sweep.console)


# One class per part (PARTS of them): --dist loadscope sends each class to one worker.
class TestPart1(SweepChecks):
    part = 0


class TestPart2(SweepChecks):
    part = 1


def test_axe_reports_a_faulty_page_with_rule_and_target():
    """The harness itself: a page with known faults gives named rules and selectors (not a silent pass)."""
    with playwright_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.set_content(
            '<html><body><img src="data:," id="photo"><a href="#x" id="empty"></a>'
            '<p style="color:#777;background:#888" id="grey">low contrast</p></body></html>'
        )
        page.add_script_tag(path=str(AXE_JS))
        lines = format_violations("faulty.html [light]", axe_violations(page))
        browser.close()
    rules = {line.split(": ")[1].split(" (")[0] for line in lines}
    assert {"image-alt", "link-name", "color-contrast", "html-has-lang"} <= rules, lines
    assert any(line.startswith("faulty.html [light]: image-alt (") and line.endswith("#photo") for line in lines), lines


# Pages whose colours the profile changes most: header, links, buttons, cards, footer, admonitions.
PROFILE_PAGES = [
    "index.html",
    "incident.html",
    "kits/index.html",
    "kits/fiches/medico-social-premier-niveau.html",
    "accompagnement-regional.html",
    "appels/index.html",
    "en/index.html",
]


@pytest.mark.build
def test_another_profile_s_colour_keeps_zero_violations(profile_site):
    """The médico-social example's green (#4c9a2a, too light for white text: darkened by the build) in both
    palettes: the derived colours pass axe-core too."""
    site = profile_site(ROOT / "examples" / "profiles" / "medico-social.yml")
    assert "#418424" in (site / "assets" / "stylesheets" / "profil.css").read_text(encoding="utf-8")
    result = run_sweep(site, PROFILE_PAGES)
    assert result.swept == dict.fromkeys(PALETTES, PROFILE_PAGES)
    assert result.palette_problems == []
    assert result.violations == [], "axe-core WCAG 2.1 A/AA violations:\n" + "\n".join(result.violations)
    assert result.foreign == [] and result.console == []
