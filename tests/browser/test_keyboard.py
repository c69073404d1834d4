"""Keyboard only, as a person would: skip link, visible focus on every stop, search, and the mobile drawer."""

from __future__ import annotations

import pytest

# What the focused element looks like, and the same element unfocused. A hidden radio (the palette
# toggle) shows its focus on the label that follows it, as Material's stylesheet does.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
  const look = () => { const s = getComputedStyle(shown);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '); };
  const focused = look();
  const r = shown.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
    && r.top < innerHeight && r.left < innerWidth && getComputedStyle(shown).visibility !== 'hidden';
  el.blur();
  const unfocused = look();
  el.focus();
  return {
    what: el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(' ')[0] : '')
      + ' ' + (el.getAttribute('href') || el.getAttribute('aria-label') || el.id || ''),
    tag: el.tagName, cls: el.className, focused, unfocused, onScreen,
    outlined: getComputedStyle(shown).outlineStyle !== 'none' || focused.includes('rgb') && !focused.endsWith('none'),
    same: document.activeElement === el,
    inContent: !!el.closest('.md-content'), inDrawer: !!el.closest('.md-sidebar--primary'),
  };
}"""


def new_page(browser, url, width=1280, height=800):
    page = browser.new_context(viewport={"width": width, "height": height}, service_workers="block").new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def tab(page, key="Tab") -> dict:
    page.keyboard.press(key)
    return page.evaluate(FOCUS_STATE)


def tab_until(page, predicate, limit=60) -> dict:
    for _ in range(limit):
        state = tab(page)
        if predicate(state):
            return state
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_skip_link_comes_first_and_reaches_the_content(browser, base_url):
    page = new_page(browser, base_url + "index.html")
    first = tab(page)
    assert "md-skip" in first["cls"] and first["onScreen"], first
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    after = tab(page)
    assert after["inContent"], f"after the skip link, Tab went to {after['what']}, outside the main content"
    page.context.close()


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_focus_is_visible_on_every_stop_of_the_home_page(browser, base_url, width, height):
    page = new_page(browser, base_url + "index.html", width, height)
    seen, hidden = [], []
    for _ in range(120):  # every stop of the page: the header, the navigation (all its sections), the content
        state = tab(page)
        if state["tag"] == "BODY":  # past the last stop: focus leaves the page
            break
        assert state["same"]
        seen.append(state)
        if not (state["onScreen"] and state["outlined"] and state["focused"] != state["unfocused"]):
            hidden.append(
                f"{state['what']}: focused [{state['focused']}] unfocused [{state['unfocused']}] "
                f"on screen: {state['onScreen']}"
            )
    assert hidden == [], "focus not visible:\n" + "\n".join(hidden)
    assert len(seen) >= 15 and state["tag"] == "BODY", "Tab did not reach the end of the page"
    kinds = {s["tag"] for s in seen} | {c for s in seen for c in s["cls"].split()}
    # Links, the search box, the language switch and the palette toggle were all reached.
    assert {"A", "md-search__input", "md-header__button", "md-option", "md-select__link"} <= kinds, kinds
    page.context.close()


def test_search_with_the_keyboard_only(browser, base_url):
    page = new_page(browser, base_url + "index.html")
    tab_until(page, lambda s: "md-search__input" in s["cls"])
    page.keyboard.type("hameconnage", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUS_STATE)
    assert focused["tag"] == "A" and "md-search-result__link" in focused["cls"] and focused["onScreen"], focused
    assert focused["focused"] != focused["unfocused"]
    target = page.evaluate("document.activeElement.href").split("#")[0].split("?")[0]
    assert "/kits/fiches/hameconnage.html" in target or target.endswith("/bonnes-pratiques.html"), target
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].split("?")[0] == target, page.url
    page.context.close()


def test_mobile_drawer_opens_and_closes_with_the_keyboard(browser, base_url):
    page = new_page(browser, base_url + "index.html", 390, 844)
    button = tab_until(page, lambda s: s["tag"] == "LABEL" or s["inDrawer"])
    assert button["tag"] == "LABEL" and not button["inDrawer"], "Tab reached the closed drawer before its button"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    # The drawer slides in: its focused first link is on screen once the slide has ended.
    page.wait_for_function(
        "() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.left >= 0; }",
        timeout=5000,
    )
    inside = page.evaluate(FOCUS_STATE)
    assert inside["inDrawer"] and inside["onScreen"], inside
    link = tab_until(page, lambda s: s["what"].endswith("kits/index.html"), limit=30)
    assert link["onScreen"] and link["inDrawer"]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    page.keyboard.press(" ")
    tab_until(page, lambda s: s["what"].endswith("kits/index.html"), limit=30)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/kits/index.html")
    page.context.close()
