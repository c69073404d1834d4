"""The build's clock: SOURCE_DATE_EPOCH from the build date unless set, and the differences between two builds told
file by file (tests/site/test_reproducible.py compares two clean builds)."""

from __future__ import annotations

from datetime import date

from sitekit.site.reproducible import build_clock, source_date_epoch
from support.sitecheck import differences


def test_the_differences_name_each_file(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, text in ((a, "one"), (b, "two")):
        (folder / "x").mkdir(parents=True)
        (folder / "x" / "page.html").write_text(text)
    (a / "old.json").write_text("{}")
    (b / "new.ics").write_text("")
    assert differences(a, b) == [
        "only in the first build: old.json",
        "only in the second build: new.ics",
        "different bytes: x/page.html",
    ]


def test_source_date_epoch_is_the_build_date_unless_set():
    assert source_date_epoch(date(2025, 10, 20)) == 1760918400
    assert build_clock({}, date(2025, 10, 20)) == {"SOURCE_DATE_EPOCH": "1760918400"}
    assert build_clock({"SOURCE_DATE_EPOCH": "0"}, date(2025, 10, 20)) == {}
