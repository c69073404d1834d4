"""Debian's Chromium driven by Playwright against the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

from conftest import ROOT, require_mark

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags from the workplace notes: no background traffic from the browser itself.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        pass


@contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 with a free port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    # (a short poll interval: shutdown() waits for the loop to notice, 0.5 s by default)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class PageWatch:
    """Records console errors and every request host of a Playwright page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", self._request)

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about", "file"):
            return
        if url.hostname != "127.0.0.1":
            self.foreign.append(request.url)


AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: the tags axe-core gives its rules.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return {
    rules: result.passes.length + result.violations.length + result.incomplete.length,
    violations: result.violations.map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' '))})),
  };
}"""


def launch(playwright):
    """Debian's Chromium, headless, without its own background traffic (only for tests marked `browser`)."""
    require_mark("browser", "starts Chromium")
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def site_pages(site: Path) -> list[str]:
    """Every built HTML page of every language, as a path relative to the site root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def axe_violations(page) -> list[dict]:
    """Run axe-core (already injected) on the page; the WCAG 2.1 A/AA violations, each with its targets."""
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    assert result["rules"] > 0, f"{page.url}: axe-core checked no rule (was it injected?)"
    return result["violations"]


def format_violations(where: str, violations: list[dict], limit: int = 5) -> list[str]:
    """One line per rule: page [palette]: rule id (help): the first target selectors."""
    lines = []
    for v in violations:
        more = f" (+{len(v['targets']) - limit} more)" if len(v["targets"]) > limit else ""
        lines.append(f"{where}: {v['id']} ({v['help']}): {', '.join(v['targets'][:limit])}{more}")
    return lines


def open_page(browser, url: str, width: int = 1280, height: int = 800, until: str = "networkidle", **context_options):
    """A fresh page (no service worker) at `url`, loaded `until` the network is idle (half a second without a
    request), or until its load event (`until="load"`: a page that asks for nothing after it), with its PageWatch."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, service_workers="block", **context_options
    )
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(url, wait_until="load")
    if until != "load":
        page.wait_for_load_state(until)
    return page, watch
