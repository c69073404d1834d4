"""Reproducible build: the same sources and build date give the same files, byte for byte, whatever the clock."""

from __future__ import annotations

import gzip
import struct
from datetime import UTC, date, datetime

import pytest

from conftest import FROZEN_TODAY, ROOT
from sitekit.site.reproducible import source_date_epoch
from support.sitecheck import differences, digests


@pytest.fixture(scope="module")
def two_builds(site, second_build):
    """The session's build for the frozen date and a second clean build into another folder (both processes
    started without SOURCE_DATE_EPOCH: run_mkdocs_build drops it)."""
    assert site != second_build
    return [site, second_build]


def test_two_clean_builds_give_identical_files(two_builds):
    first, second = two_builds
    assert len(digests(first)) > 50
    assert differences(first, second) == []


def test_no_file_carries_the_wall_clock_date(two_builds):
    """Built for 2025-10-20, on another day: the day of the build run appears in no file."""
    wall = date.today()
    assert wall.isoformat() != FROZEN_TODAY
    # A date written in the sources (a kit reviewed today, say) may rightly appear in the output.
    inputs = [f.read_bytes() for folder in ("data", "kits", "docs") for f in (ROOT / folder).rglob("*") if f.is_file()]
    in_sources = any(wall.isoformat().encode() in data for data in inputs)
    stamps = [] if in_sources else [wall.isoformat(), wall.strftime("%Y%m%d")]
    # A moment of the wall clock (date and hour, UTC and local) never comes from the sources.
    for moment in (datetime.now(UTC), datetime.now()):
        stamps += [moment.strftime("%Y-%m-%dT%H"), moment.strftime("%Y%m%dT%H")]
    found = [
        f"{p.relative_to(two_builds[0])}: {s}"
        for p in two_builds[0].rglob("*")
        if p.is_file()
        for s in stamps
        if s.encode() in p.read_bytes()
    ]
    assert found == []


def test_sitemap_dates_and_gzip_header_follow_the_build_date(two_builds):
    site = two_builds[0]
    xml = (site / "sitemap.xml").read_bytes()
    assert b"<lastmod>" in xml and {part[:10] for part in xml.split(b"<lastmod>")[1:]} == {FROZEN_TODAY.encode()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == source_date_epoch(date.fromisoformat(FROZEN_TODAY))
    assert gzip.decompress(packed) == xml
