"""What every page loads, made lighter (sitekit.site.slim): the bundle's search read on demand, stylesheets
trimmed to what pages and scripts can match, the site's scripts without their comment lines. The built site:
tests/site/test_weight_site.py and tests/browser/test_weight_browser.py."""

from __future__ import annotations

import pytest

from sitekit.site.slim import (
    SEARCH_ON_DEMAND,
    RewriteError,
    names_of,
    search_on_demand,
    strip_comment_lines,
    switched_off,
    trim_stylesheets,
)


def _bundle() -> str:
    return "a();" + ";".join(SEARCH_ON_DEMAND) + ";b()"


def test_search_on_demand_rewrites_each_piece_once_and_a_second_time_changes_nothing():
    once = search_on_demand(_bundle())
    assert all(old not in once and new in once for old, new in SEARCH_ON_DEMAND.items())
    assert search_on_demand(once) == once


def test_search_on_demand_refuses_a_bundle_without_the_pieces_naming_the_file():
    old = next(iter(SEARCH_ON_DEMAND))
    with pytest.raises(RewriteError, match=r"bundle\.x\.min\.js: .*SEARCH_ON_DEMAND"):
        search_on_demand(_bundle().replace(old, ""), "bundle.x.min.js")
    with pytest.raises(RewriteError):
        search_on_demand(_bundle() + old, "twice")  # two places: which one is meant is unknown


def _trim(css: str, pages: list[str], scripts: tuple[str, ...] = ()) -> str:
    return trim_stylesheets({"a.css": css}, names_of(pages, scripts))["a.css"]


def test_a_rule_needing_a_class_no_page_has_and_no_script_writes_is_dropped():
    css = ".kept{color:red}.gone{color:blue}.from-js{margin:0}.md-tag--x{top:0}.gone,.kept b{left:0}"
    out = _trim(css, ['<p class="kept">'], ('el.classList.add("from-js"); c = `md-tag--${name}`',))
    assert ".kept{color:red}" in out
    assert ".from-js{margin:0}" in out
    assert ".md-tag--x{top:0}" in out  # completed at run time from a template
    assert ".gone" not in out
    assert ".kept b{left:0}" in out  # a selector list keeps the selectors that can match


def test_only_exact_attribute_values_absent_everywhere_are_dropped_and_negations_kept():
    css = (
        "[data-md-color-primary=indigo]{color:red}[data-md-color-primary=custom]{color:blue}"
        "[data-x^=in]{top:0}:not(.gone){left:0}"
    )
    out = _trim(css, ['<body data-md-color-primary="custom">'])
    assert "indigo" not in out
    assert "[data-md-color-primary=custom]{color:blue}" in out
    assert "[data-x^=in]{top:0}" in out  # a prefix match: left alone
    assert ":not(.gone){left:0}" in out  # inside :not(), an absent class matches everything


def test_blocks_keep_what_can_match_and_empty_blocks_go():
    css = (
        "@media (min-width:60em){.kept{top:0}.gone{top:1px}}@media print{.gone{top:0}}"
        "@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}@font-face{font-family:x;src:local(x)}"
    )
    out = _trim(css, ['<p class="kept">'])
    assert "@media (min-width:60em){.kept{top:0}}" in out
    assert "print" not in out
    assert "@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}" in out
    assert "@font-face{font-family:x;src:local(x)}" in out


def test_custom_properties_nothing_reads_are_dropped_and_those_read_through_others_kept():
    css = ":root{--used:var(--base);--base:1px;--unused:2px;--from-page:3px}.kept{margin:var(--used)}"
    out = _trim(css, ['<p class="kept" style="top:var(--from-page)">'])
    assert "--used:var(--base)" in out
    assert "--base:1px" in out
    assert "--from-page:3px" in out
    assert "--unused" not in out


def test_the_trim_is_the_same_for_the_same_site():
    css = ".kept{color:red}:root{--a:1px}.kept{top:var(--a)}"
    assert _trim(css, ['<p class="kept">']) == _trim(css, ['<p class="kept">'])


def test_comment_lines_go_and_code_licences_and_trailing_comments_stay():
    js = "\n".join(
        [
            "/* Explains the file",
            "   over two lines. */",
            "// a line comment",
            "/*! Licence MIT, (c) someone */",
            "var a = 1; // after code",
            "",
            '  var url = "http://x";',
            "/* one line */",
            "/* a comment with code after */ var b = 2;",
        ]
    )
    assert strip_comment_lines(js).splitlines() == [
        "/*! Licence MIT, (c) someone */",
        "var a = 1; // after code",
        '  var url = "http://x";',
        "/* a comment with code after */ var b = 2;",
    ]


def test_a_component_the_configuration_leaves_out_loses_its_rules_though_the_bundle_names_it():
    css = ".md-annotation__index{top:0}.md-tooltip{top:1px}.md-version{top:2px}.md-typeset{top:3px}"
    bundle = ('"md-annotation__index" "md-tooltip" "md-version" "md-typeset"',)
    off = switched_off(["navigation.top"], {"extra.version": None, "repo_url": ""})
    assert off == {"md-annotation", "md-tooltip", "md-version", "md-source"}
    trimmed = trim_stylesheets({"a.css": css}, names_of(['<p class="md-typeset">'], bundle, off))["a.css"]
    assert trimmed == ".md-typeset{top:3px}"
    on = switched_off(["content.tooltips"], {"extra.version": {"provider": "mike"}, "repo_url": ""})
    assert on == {"md-annotation", "md-source"}
    assert ".md-tooltip{top:1px}" in trim_stylesheets({"a.css": css}, names_of([], bundle, on))["a.css"]
    # a page that has the class keeps its rules, whatever the configuration says
    assert (
        ".md-version{top:2px}"
        in trim_stylesheets({"a.css": css}, names_of(['<b class="md-version">'], (), off))["a.css"]
    )
