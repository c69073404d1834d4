"""sitekit.site.outputs: files added to the built site are written whole, and left alone when unchanged."""

from __future__ import annotations

import os

from sitekit.site.outputs import write_output


def test_writes_the_file_and_its_folders_without_leaving_a_temporary_file(tmp_path):
    target = tmp_path / "en" / "campagnes" / "2025.ics"
    write_output(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"BEGIN:VCALENDAR"
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025.ics"]


def test_an_identical_file_keeps_its_date_and_a_changed_one_is_replaced(tmp_path):
    target = tmp_path / "calls.json"
    write_output(target, b"{}")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    write_output(target, b"{}")
    assert target.stat().st_mtime_ns == 1_000_000_000
    write_output(target, b'{"calls": []}')
    assert target.read_bytes() == b'{"calls": []}'
    assert target.stat().st_mtime_ns != 1_000_000_000
