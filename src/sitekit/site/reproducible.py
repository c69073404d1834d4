"""The build's clock for what MkDocs timestamps by itself (sitemap dates, sitemap.xml.gz header): the build date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

ENV_VAR = "SOURCE_DATE_EPOCH"  # read by MkDocs (reproducible-builds.org convention)


def source_date_epoch(day: date) -> int:
    """Seconds since the epoch at 00:00 UTC on `day`: what MkDocs writes as <lastmod> and as the gzip mtime."""
    return int(datetime.combine(day, time(0), UTC).timestamp())


def build_clock(environ: dict[str, str], day: date) -> dict[str, str]:
    """The environment entries to add so that MkDocs dates follow the build date; an explicit setting wins."""
    if environ.get(ENV_VAR, "").strip():
        return {}
    return {ENV_VAR: str(source_date_epoch(day))}
