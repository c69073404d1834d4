"""Feature `privacy`: Material's bundle loads its optional scripts from the site itself, never from a CDN."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitekit.mkdocs.features import Feature
from sitekit.site.outputs import write_output
from sitekit.site.privacy import RewriteError, rewrite_bundle


class PrivacyFeature(Feature):
    name = "privacy"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
        if not bundles:
            raise PluginError("assets/javascripts/bundle.*.min.js not found in the built site")
        for bundle in bundles:
            text = bundle.read_text(encoding="utf-8")
            if "unpkg.com" not in text:
                continue  # already rewritten by this build (the i18n plugin builds twice into one folder)
            try:
                rewritten = rewrite_bundle(text, bundle.name)
            except RewriteError as exc:
                raise PluginError(str(exc)) from None
            write_output(bundle, rewritten.encode("utf-8"))
