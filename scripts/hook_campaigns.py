"""MkDocs hook: October campaigns from data/campagnes/<year>.yml: index, one page per campaign, ICS per language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hook_i18n import page_language
from sitekit.campaigns import load_campaigns
from sitekit.campaigns_view import GENERATED_NOTE, PAGES, CampaignsRenderer, campaign_ics
from sitekit.i18n import lang_prefix, load_strings
from sitekit.kits import load_kits
from sitekit.markers import marker
from sitekit.outputs import write_output
from sitekit.problems import ProblemsError
from sitekit.stubs import write_stubs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "campagnes"
TEMPLATES = ROOT / "overrides" / "partials" / "campaigns"

_state: dict = {}


def on_config(config, **kwargs):
    try:
        kits = load_kits(ROOT / "kits", ROOT)
        campaigns = load_campaigns(DATA, DATA.relative_to(ROOT).as_posix(), {kit.id for kit in kits})
        strings = load_strings(ROOT / "data" / "strings.yml")
    except ProblemsError as exc:
        raise PluginError(f"the campaign data is invalid:\n{exc}") from None
    renderer = CampaignsRenderer(TEMPLATES, strings, {kit.id: kit.title for kit in kits})
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(f"data/strings.yml: interface strings of the campaigns are missing: {', '.join(missing)} "
                          "(add each key with its fr and en texts)")
    _state.update(campaigns=campaigns, strings=strings, renderer=renderer)
    # Only year-named stubs: docs/campagnes/index.md beside them is hand-written.
    write_stubs(Path(config.docs_dir) / PAGES, campaigns, lambda c: c.year, renderer.stub, GENERATED_NOTE,
                pattern="[0-9]*.md")
    return config




def on_page_markdown(markdown, page, config, files, **kwargs):
    renderer: CampaignsRenderer = _state["renderer"]
    lang = page_language(config)
    if marker("campagnes") in markdown:
        markdown = markdown.replace(marker("campagnes"), renderer.index(_state["campaigns"], lang, page.url))
    if marker("campagne") in markdown:
        year = page.meta.get("campagne")
        campaign = next((c for c in _state["campaigns"] if c.year == year), None)
        if campaign is None:
            raise PluginError(f"{page.file.src_uri}: front matter campagne: {year!r} is not a year of data/campagnes/ "
                              "(delete the page: it is regenerated from data/campagnes/<year>.yml)")
        markdown = markdown.replace(marker("campagne"), renderer.page(campaign, lang, page.url))
    return markdown


def on_post_build(config, **kwargs):
    """ICS of each campaign in the language being built, under its root."""
    lang = page_language(config)
    folder = Path(config.site_dir) / lang_prefix(lang) / PAGES
    folder.mkdir(parents=True, exist_ok=True)
    for campaign in _state["campaigns"]:
        write_output(folder / f"{campaign.year}.ics",
                     campaign_ics(campaign, lang, config.site_url or "", _state["strings"]))
