"""Third-party resource URLs inside Material's JavaScript bundle and their local replacements."""

from __future__ import annotations

# Each CDN URL of the bundle becomes a JavaScript expression resolving a local file next to the
# bundle (the bundle's own <script src> gives the assets folder, wherever the site is served from).
_LOCAL = 'new URL("vendor/{name}",document.querySelector("script[src*=\\"javascripts/bundle.\\"]").src).href'

BUNDLE_REWRITES: dict[str, str] = {
    # Polyfill for browsers without ResizeObserver: shipped in overrides/assets/javascripts/vendor/.
    '"https://unpkg.com/resize-observer-polyfill"': _LOCAL.format(name="resize-observer-polyfill.js"),
    # Mermaid diagrams are not used by this site and Mermaid is not shipped: a local URL keeps any
    # stray diagram from reaching a CDN (the validator reports `class="mermaid"` blocks).
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': _LOCAL.format(name="mermaid.min.js"),
}


class RewriteError(ValueError):
    """A CDN URL expected in the bundle was not found: Material changed, check the rewrites."""


def rewrite_bundle(source: str, name: str = "bundle") -> str:
    """Replace every known CDN URL in the bundle; a URL that is not found is an error."""
    for cdn, local in BUNDLE_REWRITES.items():
        if cdn not in source:
            raise RewriteError(
                f"{name}: {cdn} not found (Material was upgraded? update BUNDLE_REWRITES in src/sitekit/site/privacy.py)"
            )
        source = source.replace(cdn, local)
    return source
