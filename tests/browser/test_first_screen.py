"""The first minute, as a person sees it: on a site built from a complete profile, the numbers to call are on the
first screen of the home page and of the incident page, on a 390×844 phone and a 1366×768 desktop, each on one
line; on the incident page the three reflexes are on that screen too. Screenshots go to tests/browser/.artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from support.browser import open_page, serve

pytestmark = pytest.mark.long
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"
SCREENS = [(390, 844), (1366, 768)]
STAFF_PAGES = ["index.html", "en/index.html", "incident.html", "en/incident.html"]
NUMBERS = {"tel:+33199001234", "tel:+33199001515"}  # the hospital example's support and on-call


@pytest.fixture(scope="module")
def hospital_url(profile_site):
    with serve(profile_site(ROOT / "examples" / "profiles" / "hopital.yml")) as url:
        yield url


def first_screen_numbers(page) -> dict[str, dict]:
    """The first tel: link of the article to each number: whether it lies whole within the first screen, and its
    number of lines."""
    return page.evaluate(
        """() => {
            const found = {};
            for (const a of document.querySelectorAll('article a[href^="tel:"]')) {
                const href = a.getAttribute('href');
                if (href in found) continue;
                const box = a.getBoundingClientRect();
                found[href] = {
                    inFirstScreen: box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0,
                    lines: a.getClientRects().length,
                };
            }
            return found;
        }"""
    )


@pytest.mark.parametrize("width,height", SCREENS)
@pytest.mark.parametrize("rel", ["index.html", "incident.html", "en/index.html", "en/incident.html"])
def test_the_numbers_to_call_are_on_the_first_screen_on_one_line(browser, hospital_url, rel, width, height):
    page, watch = open_page(browser, hospital_url + rel, width, height)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"first-screen-{rel.replace('/', '-')}-{width}x{height}.png"))
    numbers = first_screen_numbers(page)
    for href in NUMBERS:
        assert href in numbers, (rel, sorted(numbers))
        assert numbers[href]["inFirstScreen"], (rel, href, width, height)
        assert numbers[href]["lines"] == 1, (rel, href, width, height)
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


@pytest.mark.parametrize("width,height", SCREENS)
@pytest.mark.parametrize("rel", ["incident.html", "en/incident.html"])
def test_the_three_reflexes_are_on_the_incident_pages_first_screen(browser, hospital_url, rel, width, height):
    page, _ = open_page(browser, hospital_url + rel, width, height)
    bottoms = page.evaluate(
        """() => [...document.querySelector('article .admonition').querySelectorAll('ol > li')]
            .map(li => li.getBoundingClientRect().bottom)"""
    )
    assert len(bottoms) == 3, rel
    assert max(bottoms) <= height, (rel, bottoms, height)
    page.context.close()


def test_the_staff_home_and_incident_page_have_no_axe_violation_in_either_palette(browser, profile_site):
    from test_accessibility import run_sweep

    sweep = run_sweep(browser, profile_site(ROOT / "examples" / "profiles" / "hopital.yml"), STAFF_PAGES)
    assert sweep.violations == [] and sweep.palette_problems == [], sweep.violations + sweep.palette_problems
    assert sweep.foreign == [] and sweep.console == []
    assert sweep.swept == {"light": STAFF_PAGES, "dark": STAFF_PAGES}
