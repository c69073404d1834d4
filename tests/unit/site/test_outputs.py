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


def test_bytes_written_before_are_not_read_back_and_a_file_changed_since_is_written_again(tmp_path, monkeypatch):
    target = tmp_path / "kit.pdf"
    data = b"%PDF-1.7 " * 1000
    write_output(target, data)

    def no_reading(self):
        raise AssertionError(f"{self} read back")

    with monkeypatch.context() as patched:
        patched.setattr(type(target), "read_bytes", no_reading)
        write_output(target, data)  # as this process left it: nothing read, nothing written
    target.write_bytes(b"changed by hand")
    write_output(target, data)
    assert target.read_bytes() == data
