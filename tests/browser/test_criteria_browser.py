"""The criteria catalogue's filters in Chromium: rows hidden and shown, count announced, filters kept in the URL."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from sitekit.calls.model import load_calls
from sitekit.criteria.model import load_criteria
from support.browser import open_page

ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"


DATA = load_criteria(
    ROOT / "data" / "criteria.yml",
    "data/criteria.yml",
    {c.id for c in load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")},
    None,
)


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#criteria-table tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.criterionId)"
    )


def test_filters_hide_rows_and_stay_in_the_address(browser, base_url):
    page, watch = open_page(browser, base_url + "certification/index.html")
    everything = [c.id for c in DATA.criteria]
    assert page.locator("#criteria-filters").is_visible()
    assert visible_ids(page) == everything
    status = page.locator(".criteria-filters__count")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == f"{len(everything)} critère(s) affiché(s) sur {len(everything)}"

    page.get_by_label("Critère impératif").select_option("oui")
    imperative = [c.id for c in DATA.criteria if c.imperative.value == "oui"]
    assert imperative and visible_ids(page) == imperative
    assert "imperatif=oui" in page.url
    assert status.inner_text() == f"{len(imperative)} critère(s) affiché(s) sur {len(everything)}"

    axis = DATA.criteria[0].axes[0]
    page.get_by_label("Critère impératif").select_option("")
    page.get_by_label("Axe ou domaine CaRE").select_option(axis)
    with_axis = [c.id for c in DATA.criteria if axis in c.axes]
    assert visible_ids(page) == with_axis and f"axe={axis}" in page.url and "imperatif" not in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "criteria-catalogue-filtered.png"), full_page=True)

    # The address opens the same filtered view.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("Axe ou domaine CaRE").input_value() == axis
    assert visible_ids(page) == with_axis

    page.get_by_role("button", name="Effacer les filtres").click()
    page.wait_for_function("() => document.querySelectorAll('#criteria-table tbody tr[hidden]').length === 0")
    assert visible_ids(page) == everything and "axe=" not in page.url
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_english_filter_by_framework(browser, base_url):
    framework = DATA.criteria[-1].framework
    page, watch = open_page(browser, base_url + f"en/certification/index.html?referentiel={framework}")
    assert page.get_by_label("Framework").input_value() == framework
    assert visible_ids(page) == [c.id for c in DATA.criteria if c.framework == framework]
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_table_is_complete_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "certification/index.html?imperatif=oui")
    assert page.locator("#criteria-filters").is_hidden()
    assert page.locator("#criteria-table tbody tr").count() == len(DATA.criteria)
    context.close()
