"""What every iCalendar export of the site shares: the calendar header and the host that names it."""

from __future__ import annotations

from urllib.parse import urlsplit

from icalendar import Calendar


def site_host(site_url: str) -> str:
    """The site's host name, used in PRODID and in event UIDs (`localhost` when site_url is not set)."""
    return urlsplit(site_url).hostname or "localhost"


def new_calendar(site_url: str, product: str, lang: str, name: str) -> Calendar:
    """An empty published Gregorian calendar named `name`, identified as this site's `product` in `lang`."""
    cal = Calendar()
    cal.add("prodid", f"-//{site_host(site_url)}//{product}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    return cal
