"""Material's bundle: CDN URLs replaced by local ones, and a missing URL is an error."""

import pytest

from sitekit.site.privacy import BUNDLE_REWRITES, RewriteError, rewrite_bundle


def test_rewrites_every_cdn_url():
    source = "a(" + ");b(".join(BUNDLE_REWRITES) + ")"
    result = rewrite_bundle(source)
    assert "unpkg.com" not in result
    assert 'new URL("vendor/resize-observer-polyfill.js"' in result


def test_missing_url_is_an_error():
    with pytest.raises(RewriteError, match="not found"):
        rewrite_bundle("nothing to rewrite here", "bundle.js")
