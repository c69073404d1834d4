"""Feature `weight`: what every page loads, made lighter once both languages are built (sitekit.site.slim): the
search index read when the search opens, the stylesheets without the rules no page can match, the site's own
scripts without their comment lines."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import other_language_pass
from sitekit.site.outputs import write_output
from sitekit.site.slim import (
    RewriteError,
    names_of,
    search_on_demand,
    strip_comment_lines,
    switched_off,
    trim_stylesheets,
)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class WeightFeature(Feature):
    name = "weight"

    @event_priority(-200)  # after the i18n plugin built the other languages into the same folder (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if other_language_pass(config):
            return  # an inner build: the outer one sees every page of every language
        site = Path(config.site_dir)
        scripts = site / "assets" / "javascripts"
        for bundle in sorted(scripts.glob("bundle.*.min.js")):
            try:
                write_output(bundle, search_on_demand(_read(bundle), bundle.name).encode("utf-8"))
            except RewriteError as exc:
                raise PluginError(str(exc)) from None
        # Material's lunr language scripts (assets/javascripts/lunr/) run in the search worker: no page element.
        own = [p for p in sorted(scripts.rglob("*.js")) if "lunr" not in p.relative_to(scripts).parts]
        for script in own:
            if not script.name.endswith(".min.js"):
                write_output(script, strip_comment_lines(_read(script)).encode("utf-8"))
        extra: dict[str, object] = dict(config.extra or {})
        off = switched_off(
            config.theme.get("features") or [],
            {"extra.version": extra.get("version"), "repo_url": config.repo_url},
        )
        names = names_of((_read(p) for p in sorted(site.rglob("*.html"))), (_read(p) for p in own), off)
        sheets = sorted((site / "assets" / "stylesheets").glob("*.css"))
        trimmed = trim_stylesheets({p.name: _read(p) for p in sheets}, names)
        for sheet in sheets:
            write_output(sheet, trimmed[sheet.name].encode("utf-8"))
