"""External links (only with --external): polite HTTP checks with limits, retries, redirects and a cache file.

Threads + urllib (no extra dependency). At most `workers` requests at once and `per_host` per host; each request
has a timeout; 429 and 5xx answers and network errors are retried with exponential backoff, waiting what
Retry-After says (seconds or an HTTP date) when the server says it; HEAD first, GET when HEAD is refused
(403, 405, 501); redirects are followed by hand so that a chain can be reported. Results are kept in a JSON
cache: good ones for `ok_days`, failures for `fail_days`, so that daily runs do not hammer the sources.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any, TextIO
from urllib.parse import urljoin, urlsplit

from sitekit.core.problems import Level, Problem

USER_AGENT = "cybersante-site-validator/1 (link check; +https://cybersante.example.org/)"
HEAD_REFUSED = {403, 405, 501}
RETRY_STATUSES = {429, 500, 502, 503, 504}
BROKEN_STATUSES = {404, 410}
MAX_RETRY_AFTER = 60.0  # never wait longer than this for one retry, whatever the server asks


@dataclass(frozen=True)
class Settings:
    workers: int = 8
    per_host: int = 2
    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0  # first wait; doubles at each retry
    max_redirects: int = 10
    warn_redirects: int = 1  # a chain longer than this is reported with its final URL
    ok_days: float = 7.0
    fail_days: float = 1.0


@dataclass
class Result:
    url: str
    ok: bool
    status: int  # last HTTP status, 0 when no answer
    final_url: str
    redirects: int
    message: str
    checked: float  # epoch seconds

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> None:
        return None  # urllib then raises HTTPError with the 3xx code: we follow it ourselves


_OPENER = urllib.request.build_opener(_NoRedirect)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, moment.timestamp() - now)


class Checker:
    def __init__(self, settings: Settings = Settings(), sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.sleep = sleep
        self._host_locks: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def _host(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._host_locks.setdefault(host, threading.Semaphore(self.settings.per_host))

    def _request(self, url: str, method: str) -> tuple[int, dict[str, str], str]:
        """(status, headers, error message) of one request; status 0 when there was no answer."""
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        with self._host(url):
            try:
                with _OPENER.open(request, timeout=self.settings.timeout) as response:
                    if method == "GET":
                        response.read(1024)
                    return response.status, dict(response.headers), ""
            except urllib.error.HTTPError as exc:
                return exc.code, dict(exc.headers or {}), f"HTTP {exc.code}"
            except (urllib.error.URLError, OSError, ValueError) as exc:
                reason = getattr(exc, "reason", exc)
                text = "timed out" if "timed out" in str(reason) else str(reason)
                return 0, {}, text

    def _fetch(self, url: str) -> tuple[int, dict[str, str], str]:
        """One URL, HEAD then GET if HEAD is refused, retried with backoff; no redirect followed."""
        wait = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            status, headers, error = self._request(url, "HEAD")
            if status in HEAD_REFUSED:
                status, headers, error = self._request(url, "GET")
            retriable = status in RETRY_STATUSES or status == 0
            if not retriable or attempt == self.settings.retries:
                return status, headers, error
            asked = retry_after_seconds({k.lower(): v for k, v in headers.items()}.get("retry-after"), time.time())
            self.sleep(min(MAX_RETRY_AFTER, asked if asked is not None else wait))
            wait *= 2
        raise AssertionError("unreachable")

    def check(self, url: str) -> Result:
        current, redirects = url, 0
        while True:
            status, headers, error = self._fetch(current)
            location = {k.lower(): v for k, v in headers.items()}.get("location")
            if 300 <= status < 400 and location:
                if redirects >= self.settings.max_redirects:
                    return Result(
                        url,
                        False,
                        status,
                        current,
                        redirects,
                        f"more than {self.settings.max_redirects} redirects",
                        time.time(),
                    )
                current, redirects = urljoin(current, location), redirects + 1
                continue
            ok = 200 <= status < 300
            message = "" if ok else (error or f"HTTP {status}")
            return Result(url, ok, status, current, redirects, message, time.time())


# --- cache ------------------------------------------------------------------------------------------


def load_cache(path: Path) -> dict[str, Result]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: Result.from_json(entry) for url, entry in data.get("results", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no cache yet, or an unreadable one: start again


def save_cache(path: Path, results: dict[str, Result]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"version": 1, "results": {url: asdict(r) for url, r in sorted(results.items())}}
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def is_fresh(result: Result, settings: Settings, now: float) -> bool:
    days = settings.ok_days if result.ok else settings.fail_days
    return now - result.checked < days * 86400


# --- the check --------------------------------------------------------------------------------------


def check_urls(
    urls: list[str],
    settings: Settings = Settings(),
    cache_file: Path | None = None,
    progress: TextIO | None = None,
    checker: Checker | None = None,
) -> dict[str, Result]:
    """Result of every URL, from the cache when still fresh; the cache is updated."""
    checker = checker or Checker(settings)
    cache = load_cache(cache_file) if cache_file else {}
    now = time.time()
    results = {url: cache[url] for url in urls if url in cache and is_fresh(cache[url], settings, now)}
    todo = sorted(set(urls) - set(results))
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        futures = [pool.submit(checker.check, url) for url in todo]
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            results[result.url] = result
            if progress is not None:
                _progress(progress, done, len(todo))
    if progress is not None and todo:
        progress.write("\n")
    if cache_file:
        save_cache(cache_file, {**cache, **results})
    return results


def _progress(out: TextIO, done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    out.write(f"\rexternal links [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    out.flush()


def external_problems(
    where: dict[str, tuple[str, int]],
    settings: Settings = Settings(),
    cache_file: Path | None = None,
    checker: Checker | None = None,
) -> list[Problem]:
    """`where` maps each URL to the (file, line) of its first use; one problem per URL that fails or moved far."""
    progress = sys.stderr if sys.stderr.isatty() else None
    results = check_urls(sorted(where), settings, cache_file, progress, checker)
    out: list[Problem] = []
    for url, (path, line) in sorted(where.items(), key=lambda item: (item[1], item[0])):
        result = results[url]
        if not result.ok:
            level = Level.ERROR if result.status in BROKEN_STATUSES else Level.WARNING
            out.append(
                Problem(
                    path,
                    line,
                    "",
                    f"external link {url} fails: {result.message}",
                    "fix or replace the link"
                    if level is Level.ERROR
                    else "check the link in a browser; the site may be down for a while",
                    level,
                )
            )
        elif result.redirects > settings.warn_redirects:
            out.append(
                Problem(
                    path,
                    line,
                    "",
                    f"external link {url} goes through {result.redirects} redirects to {result.final_url}",
                    "link to the final address",
                    Level.WARNING,
                )
            )
    return out
