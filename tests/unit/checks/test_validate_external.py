"""External link check against a local HTTP server started here: no real network."""

from __future__ import annotations

import json
import shutil
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from test_validate import CORPUS

from sitekit.checks import cli as validate
from sitekit.checks.external import (
    Checker,
    Result,
    Settings,
    check_urls,
    external_problems,
    load_cache,
    retry_after_seconds,
    save_cache,
)
from sitekit.core.problems import Level, Problem


class Handler(BaseHTTPRequestHandler):
    calls: ClassVar[dict[str, int]] = {}
    active = peak = 0
    lock = threading.Lock()

    def log_message(self, *args):  # keep the test output clean
        pass

    def _answer(self, body: bool):
        with self.lock:
            count = self.calls[self.path] = self.calls.get(self.path, 0) + 1
            self.calls[f"{self.command} {self.path}"] = self.calls.get(f"{self.command} {self.path}", 0) + 1
        path = self.path
        if path == "/ok":
            self._send(200)
        elif path == "/missing":
            self._send(404)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._send(301, {"Location": f"/hop/{left - 1}" if left > 1 else "/ok"})
        elif path == "/slow":
            time.sleep(1.0)
            self._send(200)
        elif path == "/busy":
            self._send(429, {"Retry-After": "0"}) if count == 1 else self._send(200)
        elif path == "/no-head":
            self._send(405 if self.command == "HEAD" else 200)
        elif path.startswith("/wait?"):
            with self.lock:
                Handler.active += 1
                Handler.peak = max(Handler.peak, Handler.active)
            time.sleep(0.1)
            with self.lock:
                Handler.active -= 1
            self._send(200)
        elif path == "/down":
            self._send(503)
        else:
            self._send(500)

    def _send(self, status: int, headers: dict[str, str] | None = None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)


@pytest.fixture
def server():
    Handler.calls = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # (a short poll interval: shutdown() waits for the loop to notice, 0.5 s by default)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


SETTINGS = Settings(workers=4, per_host=2, timeout=0.3, retries=2, backoff=0.0)


def checker(waits: list[float] | None = None) -> Checker:
    return Checker(SETTINGS, sleep=(waits.append if waits is not None else lambda s: None))


def test_ok_missing_and_redirect_chain(server):
    results = check_urls([f"{server}/ok", f"{server}/missing", f"{server}/hop/3"], SETTINGS, checker=checker())
    assert (results[f"{server}/ok"].ok, results[f"{server}/ok"].status) == (True, 200)
    assert (results[f"{server}/missing"].ok, results[f"{server}/missing"].message) == (False, "HTTP 404")
    chain = results[f"{server}/hop/3"]
    assert (chain.ok, chain.redirects, chain.final_url) == (True, 3, f"{server}/ok")


def test_timeout_is_retried_then_reported(server):
    waits: list[float] = []
    result = checker(waits).check(f"{server}/slow")
    assert (result.ok, result.status, result.message) == (False, 0, "timed out")
    assert Handler.calls["HEAD /slow"] == 3  # first try + 2 retries
    assert waits == [0.0, 0.0]


def test_429_retry_after_then_200(server):
    waits: list[float] = []
    result = checker(waits).check(f"{server}/busy")
    assert (result.ok, result.status) == (True, 200)
    assert Handler.calls["/busy"] == 2
    assert waits == [0.0]  # Retry-After: 0, not the backoff


def test_backoff_doubles_without_retry_after(server):
    waits: list[float] = []
    Checker(Settings(timeout=1, retries=2, backoff=0.01), sleep=waits.append).check(f"{server}/down")
    assert waits == [0.01, 0.02]
    assert Handler.calls["/down"] == 3


def test_head_refused_then_get(server):
    result = checker().check(f"{server}/no-head")
    assert result.ok
    assert (Handler.calls["HEAD /no-head"], Handler.calls["GET /no-head"]) == (1, 1)


def test_retry_after_forms():
    now = 1_000_000.0
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds(formatdate(now + 30, usegmt=True), now) == 30.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_problems_levels_and_places(server):
    where = {
        f"{server}/missing": ("docs/a.md", 3),
        f"{server}/hop/2": ("docs/a.md", 5),
        f"{server}/down": ("data/calls.yml", 9),
        f"{server}/ok": ("docs/b.md", 1),
    }
    problems = external_problems(where, SETTINGS, checker=checker())
    assert problems == [
        Problem(
            "data/calls.yml",
            9,
            "",
            f"external link {server}/down fails: HTTP 503",
            "check the link in a browser; the site may be down for a while",
            Level.WARNING,
        ),
        Problem("docs/a.md", 3, "", f"external link {server}/missing fails: HTTP 404", "fix or replace the link"),
        Problem(
            "docs/a.md",
            5,
            "",
            f"external link {server}/hop/2 goes through 2 redirects to {server}/ok",
            "link to the final address",
            Level.WARNING,
        ),
    ]


def test_cache_spares_the_server_and_expires(server, tmp_path):
    cache = tmp_path / "cache.json"
    urls = [f"{server}/ok", f"{server}/missing"]
    check_urls(urls, SETTINGS, cache, checker=checker())
    check_urls(urls, SETTINGS, cache, checker=checker())
    assert (Handler.calls["/ok"], Handler.calls["/missing"]) == (1, 1)
    stored = load_cache(cache)
    old = time.time() - 2 * 86400  # failures expire after 1 day, good results after 7
    save_cache(cache, {url: Result(**{**r.__dict__, "checked": old}) for url, r in stored.items()})
    check_urls(urls, SETTINGS, cache, checker=checker())
    assert (Handler.calls["/ok"], Handler.calls["/missing"]) == (1, 2)


def test_per_host_limit(server):
    Handler.active = Handler.peak = 0
    settings = Settings(workers=8, per_host=2, timeout=2)
    results = check_urls([f"{server}/wait?{i}" for i in range(8)], settings, checker=Checker(settings))
    assert all(r.ok for r in results.values())
    assert Handler.peak == 2


def test_validate_external_from_markdown_and_data(server, tmp_path, monkeypatch, capsys):
    project = tmp_path / "p"
    shutil.copytree(CORPUS, project)
    (project / "docs" / "liens.md").write_text(
        f"---\ntitle: Liens\nreview_by: 2026-01-01\n---\n\nVoir [absent]({server}/missing).\n", encoding="utf-8"
    )
    (project / "docs" / "liens.en.md").write_text(
        f"---\ntitle: Links\nreview_by: 2026-01-01\n---\n\nSee <{server}/hop/2>.\n", encoding="utf-8"
    )
    calls = project / "data" / "calls.yml"
    calls.write_text(
        calls.read_text(encoding="utf-8")
        .replace("https://example.org/bientot", f"{server}/ok")
        .replace("https://example.org/reporte", f"{server}/missing"),
        encoding="utf-8",
    )
    monkeypatch.chdir(project)
    code = validate.main(
        [
            "--root",
            ".",
            "--today",
            "2025-10-20",
            "--external",
            "--timeout",
            "2",
            "--cache",
            str(tmp_path / "cache.json"),
            "--format",
            "json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    external = [(p["path"], p["line"], p["level"], p["message"]) for p in data["problems"] if p["check"] == "external"]
    assert code == 1
    assert external == [
        ("docs/liens.en.md", 6, "warning", f"external link {server}/hop/2 goes through 2 redirects to {server}/ok"),
        ("docs/liens.md", 6, "error", f"external link {server}/missing fails: HTTP 404"),
    ]
    assert (tmp_path / "cache.json").is_file()
    assert Handler.calls["/ok"] >= 1 and Handler.calls["/missing"] == 1  # one request per URL, however many uses
