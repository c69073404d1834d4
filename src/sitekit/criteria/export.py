"""The self-assessment sheet of the criteria as CSV for French Excel: UTF-8 with BOM, `;` separators, CRLF."""

from __future__ import annotations

import csv
import io

from sitekit.criteria.model import Criteria
from sitekit.criteria.view import CSV_COLUMNS, expected_items, number_text
from sitekit.i18n.strings import Strings

_FORMULA_START = ("=", "+", "-", "@")


def _cell(text: str) -> str:
    """A text Excel shows as written: a leading = + - @ would make it a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def self_assessment_csv(data: Criteria, lang: str, strings: Strings) -> bytes:
    """One row per expected element of each criterion; status, evidence and owner left for the team."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([strings.get(key, lang) for key in (f"criteria.csv.{name}" for name in CSV_COLUMNS)])
    for criterion in data.criteria:
        framework = data.framework(criterion.framework)
        first = [
            number_text(criterion, strings, lang),
            framework.title[lang],
            criterion.chapter[lang],
            criterion.title[lang],
            strings.get(f"criteria.imperative.{criterion.imperative.value}", lang),
        ]
        for item in expected_items(criterion, strings, lang):
            writer.writerow([_cell(text) for text in (*first, item)] + ["", "", ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
