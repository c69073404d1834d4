"""What every iCalendar export of the site shares: the calendar header, the host that names it, French typography of
the texts (`typeset`: a French calendar's names, summaries and descriptions get their no-break spaces), and the cache
of the exports (icalendar is imported only to make a file that is not in the cache: 35 ms)."""

from __future__ import annotations

import platform
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sitekit.core.cache import OutputCache, code_files, engine, importers
from sitekit.core.typography import typeset

if TYPE_CHECKING:
    from icalendar import Calendar


@lru_cache(maxsize=1)
def _ics_engine() -> str:
    """The code that makes an iCalendar file from the data: this module, the modules that import it (the calls'
    and campaigns' exporters, the features that cache their files) and every module they import (the models
    too: they define what the data means). Broad, and cheap: an iCalendar file is made again in milliseconds."""
    code = code_files([__name__, *importers(__name__)])
    return engine(code, ["icalendar", "python-dateutil"], [f"python {platform.python_version()}"])


def ics_cache(folder: Path | None) -> OutputCache:
    """The iCalendar exports made by earlier builds, by the hash of their data, language, site URL and strings."""
    return OutputCache(folder, _ics_engine())


def site_host(site_url: str) -> str:
    """The site's host name, used in PRODID and in event UIDs (`localhost` when site_url is not set)."""
    return urlsplit(site_url).hostname or "localhost"


def new_calendar(site_url: str, product: str, lang: str, name: str) -> Calendar:
    """An empty published Gregorian calendar named `name`, identified as this site's `product` in `lang`."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", f"-//{site_host(site_url)}//{product}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", typeset(name, lang))
    cal.add("x-wr-calname", typeset(name, lang))
    return cal
