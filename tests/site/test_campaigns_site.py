"""October campaigns in the built site: the ICS of each campaign parsed back, and the pages with the week-by-week plan
and the pack, in both languages."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from sitekit.campaigns.model import load_campaigns
from sitekit.campaigns.view import campaign_ics
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings

CAMPAIGNS = load_campaigns(ROOT / "data" / "campaigns")
STRINGS = load_strings(ROOT / "data" / "strings.yml")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_campaign_ics_of_the_site_parses_with_stable_events(site, lang):
    campaign = next(c for c in CAMPAIGNS if c.year == 2025)
    data = (site / lang_prefix(lang) / "campagnes" / "2025.ics").read_bytes()
    assert data == campaign_ics(campaign, lang, "https://cybersante.example.org/", STRINGS)  # same input, same bytes
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    weeks = [e for e in events if "-semaine-" in str(e["uid"])]
    items = [e for e in events if "-semaine-" not in str(e["uid"])]
    assert len(weeks) == 5 and len(items) == len(campaign.dated_items()) == 10
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert [e.decoded("dtstart") for e in items] == [day for _, _, day in campaign.dated_items()]
    assert all(e.decoded("dtstamp").date() == date(2026, 12, 6) for e in events)  # last_checked of 2025.yml
    first = items[0]
    assert str(first["uid"]) == "campagne-2025-2025-10-01-intranet-le-cybermois-commence@cybersante.example.org"
    assert (
        str(first["summary"])
        == {"fr": "[Intranet] Le Cybermois commence", "en": "[Intranet] The Cybermois begins"}[lang]
    )
    assert str(first["url"]) == f"https://cybersante.example.org/{lang_prefix(lang)}campagnes/2025.html"
    assert f"/{lang_prefix(lang)}kits/fiches/cybermois.html" in str(first["description"])
    # Archived: no date is known. The 2027 draft has no calendar in a published site.
    assert Calendar.from_ical((site / lang_prefix(lang) / "campagnes" / "2026.ics").read_bytes()).walk("VEVENT") == []
    assert not (site / lang_prefix(lang) / "campagnes" / "2027.ics").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_campaign_pages_show_the_week_by_week_plan_and_the_pack(site, lang):
    root = site / lang_prefix(lang)
    page = HTMLParser((root / "campagnes" / "2025.html").read_text(encoding="utf-8"))
    assert page.css_first("html").attributes["lang"] == lang
    weeks = page.css("table.campaign-plan tbody")
    assert [w.attributes["data-week"] for w in weeks] == ["1", "2", "3", "4", "5"]
    assert [len(w.css("tr")) for w in weeks] == [2, 2, 2, 2, 2]
    assert page.css_first("p.campaign-pack a").attributes["href"] == "../kits/fiches/cybermois.html"
    assert (root / "campagnes" / "2025.ics").is_file()
    archived = HTMLParser((root / "campagnes" / "2026.html").read_text(encoding="utf-8"))
    assert archived.css_first("p.campaign-draft") is None
    note = archived.css_first("p.campaign-archived").text()
    assert STRINGS.get("campaigns.status.archive", lang) in note
    assert {"fr": "sans que ce plan soit publié", "en": "without the plan being published"}[lang] in note
    index = HTMLParser((root / "campagnes" / "index.html").read_text(encoding="utf-8"))
    assert [n.attributes["data-campaign"] for n in index.css("p.campaign-meta")] == ["2026", "2025"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_campaign_is_built_only_in_a_preview(site, preview_site, lang):
    """The 2027 campaign is a draft (brouillon): make preview shows its page, calendar and list entry; the published
    site has none of them, and no page of it links to the draft."""
    draft = next(c for c in CAMPAIGNS if c.year == 2027)
    assert draft.is_draft
    root = preview_site / lang_prefix(lang)
    page = HTMLParser((root / "campagnes" / "2027.html").read_text(encoding="utf-8"))
    assert {"fr": "à confirmer", "en": "to be confirmed"}[lang] in page.css_first("p.campaign-draft").text()
    assert (root / "campagnes" / "2027.ics").is_file()
    index = HTMLParser((root / "campagnes" / "index.html").read_text(encoding="utf-8"))
    assert [n.attributes["data-campaign"] for n in index.css("p.campaign-meta")] == ["2027", "2026", "2025"]
    published = site / lang_prefix(lang)
    assert not (published / "campagnes" / "2027.html").exists()
    assert not [p for p in site.rglob("*.html") if "campagnes/2027.html" in p.read_text(encoding="utf-8")]
