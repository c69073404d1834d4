"""The Content-Security-Policy in Chromium: pages of each kind opened from file:// run without a policy violation
(securitypolicyviolation events and "Refused to..." console messages), search works under it from the server and
from file://, and the policy really blocks an inline script that is not the theme's.

From the server, every page is opened under the policy by the accessibility sweep (tests/browser/test_accessibility.py),
which fails on any console error: Chromium reports each violation there.
"""

from __future__ import annotations

import pytest
from test_browser import search

from support.browser import open_page

pytestmark = pytest.mark.long

PAGES = [
    "index.html",
    "en/index.html",
    "appels/index.html",
    "appels/fiches/d2-candidature.html",
    "kits/index.html",
    "en/kits/fiches/hameconnage.html",
    "certification/index.html",
    "certification/checklist.html",
    "actualites/index.html",
    "campagnes/2025.html",
    "plan-du-site.html",
    "404.html",
]
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sample || ''}`));
"""


def open_watched(browser, url: str, width: int = 1280, height: int = 800):
    """A page opened under its policy, with every violation and console message kept."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, console


def violations(page, console: list[str]) -> list[str]:
    found = page.evaluate("window.__violations")
    found += [line for line in console if "Content Security Policy" in line or "Refused to" in line]
    found += [line for line in console if line.startswith(("error:", "pageerror:"))]
    return found


@pytest.fixture(scope="module")
def roots(base_url, site) -> dict[str, str]:
    return {"http": base_url, "file": site.resolve().as_uri() + "/"}


def test_pages_of_every_kind_run_from_a_folder_without_a_policy_violation(browser, roots, site):
    problems = []
    # 404.html is served by a web server for any missing path: it links to the site root (/assets/...).
    for rel in [p for p in PAGES if p != "404.html"]:
        assert (site / rel).is_file(), rel
        page, console = open_watched(browser, roots["file"] + rel)
        page.wait_for_timeout(300)  # the search worker starts after load
        problems += [f"{rel}: {v}" for v in violations(page, console)]
        page.context.close()
    assert problems == []


@pytest.mark.parametrize("origin", ["http", "file"])
def test_search_works_under_the_policy(browser, roots, origin):
    page, console = open_watched(browser, roots[origin] + "index.html")
    results = search(page, "hameconnage")
    assert any("bonnes-pratiques.html" in r for r in results[:3]), results
    assert violations(page, console) == []
    page.context.close()


def test_the_kit_filter_works_under_the_policy(browser, roots):
    page, console = open_watched(browser, roots["http"] + "kits/index.html")
    page.select_option("#kits-filter-theme", "hameconnage")
    page.wait_for_url("**theme=hameconnage**")
    shown = page.locator("[data-kits-list] > li:not([hidden])").count()
    assert 0 < shown < page.locator("[data-kits-list] > li").count()
    assert violations(page, console) == []
    page.context.close()


def test_the_policy_blocks_an_inline_script_that_is_not_the_theme_s(browser, roots):
    """The harness itself: without this, a missing or ignored policy would pass every test above."""
    page, _ = open_page(browser, roots["http"] + "index.html")
    page.evaluate("window.__violations = []")
    page.evaluate(
        """() => {
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.head.appendChild(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__violations")[:1] in (["script-src-elem"], ["script-src"])
    page.context.close()
