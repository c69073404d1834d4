"""axe-core (WCAG 2.1 A and AA) on every built page of both languages, in the light and the dark palette.

One sweep opens each page once and also records what the page requested and logged, so that the privacy
and console checks cover every page too. Pages added later (kits, criteria, news) are found by walking the
built site, not from a list. The pages are swept in two parts (every other page), one test class each, so
that `make test` (pytest -n 2 --dist loadscope: one class per worker) sweeps both at once.

What each page gets (the palettes change colours only; the navigation is the same list on every page):
- in the light palette (the system preference emulated as light), every WCAG 2.1 A/AA rule; the primary
  navigation is left out of that run except on the home and section pages (`index.html`), where it is
  checked whole, open on each section;
- then the reader's palette toggle is clicked and, in the dark palette, the rules that depend on colour
  (contrast, links told apart from text) run again on the same parts;
- on the home and section pages, the page is also opened with the system preference emulated as dark:
  the theme must then show its dark palette without a click.

Each page's search worker gets its language's index with its settings and no entries: building the whole index
in every page was a sixth of the sweep's time, and search is tested on its own (test_browser, test_search_*).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from support.browser import AXE_JS, AXE_TAGS, PageWatch, format_violations, serve, site_pages

pytestmark = pytest.mark.long

# Palette name -> (Material scheme the page must show, whether its background is dark).
PALETTES = {"light": ("default", False), "dark": ("slate", True)}
PARTS = 2
# Rules whose result depends on the colours (the dark palette changes nothing else).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
NAVIGATION = ".md-sidebar--primary"
BODY_STATE = """() => {
  const rgb = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number);
  return {scheme: document.body.getAttribute('data-md-color-scheme'), luminance: (rgb[0] + rgb[1] + rgb[2]) / 765};
}"""
AXE_RUN = """async ([rules, tags, exclude]) => {
  const only = rules.length ? {type: 'rule', values: rules} : {type: 'tag', values: tags};
  const context = exclude.length ? {exclude: exclude.map(s => [s])} : document;
  const result = await axe.run(context, {runOnly: only, resultTypes: ['violations']});
  return {
    rules: result.passes.length + result.violations.length + result.incomplete.length,
    violations: result.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' '))})),
  };
}"""
TOGGLE_TO_DARK = "label[for='__palette_1']:visible"
# A stored palette (the toggle clicked on the previous page) is forgotten before each page's own scripts run.
FORGET_PALETTE = "try { localStorage.clear(); } catch (e) {}"


def is_navigation_page(rel: str) -> bool:
    """Home and section pages: the navigation is checked whole there (open on each section in turn)."""
    return rel == "index.html" or rel.endswith("/index.html")


@dataclass
class Sweep:
    pages: list[str]
    part: int = 0
    swept: dict[str, list[str]] = field(default_factory=dict)
    system_dark: list[str] = field(default_factory=list)  # pages opened with the system preference dark
    violations: list[str] = field(default_factory=list)
    palette_problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _axe(page, rules: list[str], exclude: list[str]) -> list[dict]:
    result = page.evaluate(AXE_RUN, [rules, AXE_TAGS, exclude])
    assert result["rules"] > 0, f"{page.url}: axe-core checked no rule (was it injected?)"
    return result["violations"]


def _palette_problem(page, where: str, palette: str) -> list[str]:
    scheme, dark = PALETTES[palette]
    state = page.evaluate(BODY_STATE)
    if state["scheme"] == scheme and (state["luminance"] < 0.3) == dark:
        return []
    return [f"{where}: scheme {state['scheme']!r}, background luminance {state['luminance']:.2f} (expected {scheme!r})"]


def settings_only_index(site):
    """A route handler answering a search index request with the built index's settings and no entries."""
    answers: dict[str, str] = {}

    def answer(route) -> None:
        rel = urlsplit(route.request.url).path.lstrip("/")
        if rel not in answers:
            index = json.loads((site / rel).read_text(encoding="utf-8"))
            answers[rel] = json.dumps({**index, "docs": []})
        route.fulfill(status=200, content_type="application/json", body=answers[rel])

    return answer


def run_sweep(browser, site, pages: list[str], part: int = 0) -> Sweep:
    """axe-core on each page in both palettes, recording palette, request and console problems too."""
    assert AXE_JS.is_file(), (
        f"{AXE_JS} is missing: run `make test` (it runs `npm ci`, axe-core is in package-lock.json)"
    )
    result = Sweep(pages, part)
    result.swept = {palette: [] for palette in PALETTES}
    started = time.monotonic()
    with serve(site) as base:
        pages_by_system = {}
        for system in PALETTES:
            context = browser.new_context(service_workers="block", color_scheme=system)
            context.add_init_script(script=FORGET_PALETTE)
            context.route("**/search/search_index.json", settings_only_index(site))
            context.add_init_script(path=str(AXE_JS))
            pages_by_system[system] = context.new_page()
        watches = {system: PageWatch(page) for system, page in pages_by_system.items()}
        for rel in result.pages:
            whole = is_navigation_page(rel)
            exclude = [] if whole else [NAVIGATION]
            page = pages_by_system["light"]
            page.goto(base + rel)
            for palette in PALETTES:
                where = f"{rel} [{palette}]"
                if palette == "dark":
                    page.locator(TOGGLE_TO_DARK).click()
                    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
                problems = _palette_problem(page, where, palette)
                result.palette_problems += problems
                rules = [] if palette == "light" else COLOUR_RULES
                result.violations += format_violations(where, _axe(page, rules, exclude))
                result.swept[palette].append(rel)
            if whole:
                dark = pages_by_system["dark"]
                dark.goto(base + rel)
                result.palette_problems += _palette_problem(dark, f"{rel} [system dark]", "dark")
                result.system_dark.append(rel)
            for watch in watches.values():
                result.foreign += [f"{rel}: {url}" for url in watch.foreign]
                result.console += [f"{rel}: {text}" for text in watch.errors]
                watch.foreign.clear()
                watch.errors.clear()
        for page in pages_by_system.values():
            page.context.close()
    result.seconds = time.monotonic() - started
    return result


@pytest.fixture(scope="class")
def sweep(request, browser, site) -> Sweep:
    """One part of the sweep (the test class's `part`): every PARTS-th page from page `part` on."""
    part = request.cls.part
    result = run_sweep(browser, site, site_pages(site)[part::PARTS], part)
    print(
        f"\naxe sweep, part {result.part + 1} of {PARTS}: {len(result.pages)} pages x {len(PALETTES)} palettes "
        f"in {result.seconds:.0f} s ({result.seconds / len(result.pages):.2f} s per page)"
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
        # Every section page of this part was also opened with the system preference dark.
        assert sweep.system_dark == [page for page in sweep.pages if is_navigation_page(page)] != []

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


def test_axe_reports_a_faulty_page_with_rule_and_target(browser):
    """The harness itself: a page with known faults gives named rules and selectors (not a silent pass); the
    colour run keeps the colour rules only; the navigation left out is not checked, the rest still is."""
    page = browser.new_page()
    try:
        page.set_content(
            '<html><body><img src="data:," id="photo"><a href="#x" id="empty"></a>'
            '<p style="color:#777;background:#888" id="grey">low contrast</p>'
            '<div class="md-sidebar--primary"><img src="data:," id="nav-photo"></div></body></html>'
        )
        page.add_script_tag(path=str(AXE_JS))
        lines = format_violations("faulty.html [light]", _axe(page, [], []))
        colour = format_violations("faulty.html [dark]", _axe(page, COLOUR_RULES, []))
        outside = format_violations("faulty.html [light]", _axe(page, [], [NAVIGATION]))
    finally:
        page.close()
    rules = {line.split(": ")[1].split(" (")[0] for line in lines}
    assert {"image-alt", "link-name", "color-contrast", "html-has-lang"} <= rules, lines
    assert any(line.startswith("faulty.html [light]: image-alt (") and line.endswith("#nav-photo") for line in lines)
    assert [line.split(" (")[0] for line in colour] == ["faulty.html [dark]: color-contrast"], colour
    image_alt = [line for line in outside if ": image-alt (" in line]
    assert len(image_alt) == 1 and image_alt[0].endswith("#photo"), outside


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


def test_another_profile_s_colour_keeps_zero_violations(browser, profile_site):
    """The médico-social example's green (#4c9a2a, too light for white text: darkened by the build) in both
    palettes: the derived colours pass axe-core too."""
    site = profile_site(ROOT / "examples" / "profiles" / "medico-social.yml")
    assert "#418424" in (site / "assets" / "stylesheets" / "profil.css").read_text(encoding="utf-8")
    result = run_sweep(browser, site, PROFILE_PAGES)
    assert result.swept == dict.fromkeys(PALETTES, PROFILE_PAGES)
    assert result.palette_problems == []
    assert result.violations == [], "axe-core WCAG 2.1 A/AA violations:\n" + "\n".join(result.violations)
    assert result.foreign == [] and result.console == []
