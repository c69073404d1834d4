"""The Content-Security-Policy of every built page: scripts from the site only, plus the inline scripts the
theme writes, allowed one by one by the SHA-256 hash of their text (computed from each built page); no
request, frame, plugin or form to another origin.

Delivered as `<meta http-equiv="Content-Security-Policy">` so that it holds when the site is opened from a
file share too; a server can send the same policy as a header (README, section Security), where
`frame-ancestors` can be added (a meta policy ignores it).
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

META_NAME = "Content-Security-Policy"

# Directive -> sources. script-src gets the hashes of the page's inline scripts.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons are data: URLs in its stylesheets
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # the search worker
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">', re.IGNORECASE)
# The same tag without the spaces before it: searched first, since a pattern that starts with \s* is tried at every
# position of the page (0.3 ms a page), one that starts with the tag is not.
_META_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (data blocks such as JSON are not scripts)."""
    out = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match[1], match[2]
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind[1].lower() if kind else "") in _SCRIPT_TYPES:
            out.append(text)
    return out


def script_hash(text: str) -> str:
    """The CSP source that allows one inline script: 'sha256-<base64 of the SHA-256 of its UTF-8 text>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str] | tuple[str, ...] = ()) -> str:
    """The policy with `hashes` (sorted, each once) allowed in script-src."""
    extra = {"script-src": sorted(set(hashes))}
    return "; ".join(" ".join([name, sources, *extra.get(name, [])]) for name, sources in DIRECTIVES)


def with_policy(html: str) -> str:
    """The page with its policy as the first element after <meta charset> (a meta policy only governs what
    follows it); a policy already there is replaced. A document without <head> is returned as it is."""
    if _META_TAG.search(html):
        html = _META.sub("", html)
    tag = f'<meta http-equiv="{META_NAME}" content="{policy([script_hash(s) for s in inline_scripts(html)])}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + tag + html[anchor.end() :]


def server_policy(site_dir: Path) -> str:
    """The policy for a server's Content-Security-Policy header: the hashes of every page's inline scripts at
    once (browsers enforce the header and each page's meta policy together), plus frame-ancestors, which only
    a header can carry."""
    hashes = {script_hash(s) for page in sorted(site_dir.rglob("*.html")) for s in inline_scripts(_read(page))}
    return policy(sorted(hashes)) + "; frame-ancestors 'self'"


def _read(page: Path) -> str:
    return page.read_text(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    """`python -m sitekit.site.csp [SITE]`: print the header line for a server that publishes SITE (default site)."""
    args = sys.argv[1:] if argv is None else argv
    site_dir = Path(args[0] if args else "site")
    if not site_dir.is_dir():
        print(
            f"sitekit.site.csp: error: {site_dir} is not a folder (build the site first: make build)", file=sys.stderr
        )
        return 2
    print(f"{META_NAME}: {server_policy(site_dir)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
