"""What readers see of the October campaigns: the index, each campaign's page with its weekly plan, and its ICS."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sitekit.campaigns.model import Campaign, CampaignStatus, Channel, Item, Week, running
from sitekit.core.dates import ShownDay, shown_day
from sitekit.core.schema import Localized
from sitekit.core.typography import typeset
from sitekit.i18n.strings import Strings
from sitekit.kits.model import Audience
from sitekit.kits.quizview import QUIZ_ANCHOR
from sitekit.pages.generated import generated_note
from sitekit.site.ics import new_calendar, site_host
from sitekit.site.paths import CAMPAIGN_INDEX, campaign_ics_path, campaign_page_path, kit_page_path, relative_url
from sitekit.site.templating import TemplateRenderer

if TYPE_CHECKING:
    from icalendar import Event

GENERATED_NOTE = generated_note("data/campaigns/<year>.yml", "campaigns")

_CODE_STRINGS = (
    "campaigns.quiz",
    *(f"campaigns.channel.{c.value}" for c in Channel),
    *(f"campaigns.audience.{a.value}" for a in Audience),
    *(f"campaigns.status.{s.value}" for s in CampaignStatus),
    "campaigns.unknown",
    "campaigns.dates_not_found",
    "campaigns.ics.name",
    "campaigns.ics.kit",
    "campaigns.ics.audience",
    "campaigns.ics.details",
    "campaigns.week",
)


@dataclass(frozen=True)
class ItemView:
    day: ShownDay
    channel: str
    audience: str
    title: str
    text: str
    kit: str | None
    kit_title: str | None
    kit_href: str | None
    quiz_title: str | None = None  # 'Quiz du kit « … »'
    quiz_href: str | None = None  # the quiz on the kit's page


@dataclass(frozen=True)
class WeekView:
    number: int
    label: str  # 'Semaine 1'
    starts: ShownDay
    ends: ShownDay
    theme: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class CampaignView:
    campaign: Campaign
    title: str
    summary: str
    status: str
    organiser: str
    theme: str | None
    starts: ShownDay
    ends: ShownDay
    plan_ends: ShownDay  # the national end, else the last day of the establishment's plan (the staff home)
    last_checked: ShownDay
    weeks: tuple[WeekView, ...]
    href: str
    ics_href: str
    kit_href: str


class CampaignsRenderer(TemplateRenderer):
    """Renders the campaign pages and their index from the Jinja templates in one folder."""

    string_prefix, code_strings = "campaigns", _CODE_STRINGS
    generated_note = GENERATED_NOTE

    def __init__(self, templates: Path, strings: Strings, kit_titles: dict[str, Localized] | None = None):
        super().__init__(templates, strings)
        self.kit_titles = kit_titles or {}  # kit id -> its title (kits/<id>/kit.yml)

    def _kit_title(self, kit: str, lang: str) -> str:
        return self.kit_titles[kit][lang] if kit in self.kit_titles else kit

    def _s(self, key: str, lang: str) -> str:
        return self.strings.get(key, lang)

    def _day(self, value: date | None, lang: str, archived: bool = False) -> ShownDay:
        # An archived campaign's unknown dates will not be confirmed any more.
        return shown_day(value, lang, self._s("campaigns.dates_not_found" if archived else "campaigns.unknown", lang))

    def _item(self, item: Item, lang: str, page_url: str) -> ItemView:
        return ItemView(
            day=self._day(item.date, lang),
            channel=self._s(f"campaigns.channel.{item.channel.value}", lang),
            audience=", ".join(self._s(f"campaigns.audience.{a.value}", lang) for a in item.audience),
            title=item.title[lang],
            text=item.text[lang],
            kit=item.kit,
            kit_title=self._kit_title(item.kit, lang) if item.kit else None,
            kit_href=relative_url(kit_page_path(item.kit, lang), page_url) if item.kit else None,
            quiz_title=self._s("campaigns.quiz", lang).format(title=self._kit_title(item.quiz, lang))
            if item.quiz
            else None,
            quiz_href=relative_url(kit_page_path(item.quiz, lang), page_url) + f"#{QUIZ_ANCHOR}" if item.quiz else None,
        )

    def _week(self, number: int, week: Week, lang: str, page_url: str) -> WeekView:
        items = sorted(week.items, key=lambda i: i.date or date.max)
        return WeekView(
            number,
            self._s("campaigns.week", lang).format(n=number),
            self._day(week.starts, lang),
            self._day(week.ends, lang),
            week.theme[lang],
            tuple(self._item(i, lang, page_url) for i in items),
        )

    def view(self, campaign: Campaign, lang: str, page_url: str) -> CampaignView:
        return CampaignView(
            campaign=campaign,
            title=campaign.title[lang],
            summary=campaign.summary[lang],
            status=self._s(f"campaigns.status.{campaign.status.value}", lang),
            organiser=campaign.organiser[lang],
            theme=campaign.theme[lang] if campaign.theme else None,
            starts=self._day(campaign.starts, lang, campaign.is_archived),
            ends=self._day(campaign.ends, lang, campaign.is_archived),
            plan_ends=self._day(campaign.plan_ends, lang, campaign.is_archived),
            last_checked=self._day(campaign.last_checked, lang),
            weeks=tuple(self._week(n, w, lang, page_url) for n, w in enumerate(campaign.weeks, 1)),
            href=relative_url(campaign_page_path(campaign.year, lang), page_url),
            ics_href=relative_url(campaign_ics_path(campaign.year, lang), page_url),
            kit_href=relative_url(kit_page_path(campaign.kit, lang), page_url),
        )

    def index(self, campaigns: Sequence[Campaign], lang: str, page_url: str) -> str:
        return self._render("index.md", lang, views=[self.view(c, lang, page_url) for c in campaigns])

    def page(self, campaign: Campaign, lang: str, page_url: str) -> str:
        return self._item_page("campaign.md", lang, self.view(campaign, lang, page_url), CAMPAIGN_INDEX, page_url)

    def now(self, campaigns: Sequence[Campaign], today: date, lang: str, page_url: str) -> str:
        """The campaign under way, for the marker <!-- campaign-now --> (the staff home): its title, the week under
        way with its theme and actions, a link to its plan; nothing when no published campaign runs on `today`."""
        found = running(campaigns, today)
        if found is None:
            return ""
        campaign, number = found
        view = self.view(campaign, lang, page_url)
        week = view.weeks[number - 1] if number is not None else None
        return self._render("now.md", lang, view=view, week=week)

    def stub(self, campaign: Campaign, lang: str) -> str:
        return self._stub("campaign-stub.md", lang, campaign=campaign)


# --- ICS -------------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "item"


def campaign_ics(campaign: Campaign, lang: str, site_url: str, strings: Strings) -> bytes:
    """The plan as a calendar: one all-day event per dated week and per dated item; same input, same bytes.

    UIDs are built from the year, the date, the channel and the French title, so that a calendar that
    imported the file updates its events when it is imported again.
    """
    from icalendar import Event  # here: only when the file is not in the cache (sitekit.site.ics)

    host = site_host(site_url)
    page_url = f"{site_url.rstrip('/')}/{campaign_page_path(campaign.year, lang)}"
    stamp = datetime.combine(campaign.last_checked, time(0), UTC)
    name = f"{strings.get('campaigns.ics.name', lang)} {campaign.title[lang]}"
    cal = new_calendar(site_url, f"October campaign {campaign.year}", lang, name)

    def event(uid: str, first: date, last: date, summary: str, description: list[str], category: str) -> Event:
        ev = Event()
        ev.add("uid", f"{uid}@{host}")
        ev.add("dtstamp", stamp)  # from the data, never the clock
        ev.add("dtstart", first)
        ev.add("dtend", last + timedelta(days=1))
        ev.add("summary", typeset(summary, lang))
        details = f"{strings.get('campaigns.ics.details', lang)} {page_url}"
        ev.add("description", typeset("\n\n".join([*description, details]), lang))
        ev.add("url", page_url)
        ev.add("categories", [category])
        ev.add("transp", "TRANSPARENT")
        ev.add("status", "CONFIRMED" if campaign.status is CampaignStatus.PUBLIE else "TENTATIVE")
        return ev

    for number, week in enumerate(campaign.weeks, 1):
        if week.starts and week.ends:
            label = strings.get("campaigns.week", lang).format(n=number)
            cal.add_component(
                event(
                    f"campagne-{campaign.year}-semaine-{number}",
                    week.starts,
                    week.ends,
                    f"{label} · {week.theme[lang]}",
                    [],
                    label,
                )
            )
    seen: dict[str, int] = {}
    for _number, item, day in campaign.dated_items():
        uid = f"campagne-{campaign.year}-{day.isoformat()}-{item.channel.value}-{_slug(item.title.fr)}"
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            uid += f"-{seen[uid]}"
        channel = strings.get(f"campaigns.channel.{item.channel.value}", lang)
        audience = ", ".join(strings.get(f"campaigns.audience.{a.value}", lang) for a in item.audience)
        description = [item.text[lang], f"{strings.get('campaigns.ics.audience', lang)} {audience}"]
        if item.kit:
            description.append(
                f"{strings.get('campaigns.ics.kit', lang)} {site_url.rstrip('/')}/{kit_page_path(item.kit, lang)}"
            )
        cal.add_component(event(uid, day, day, f"[{channel}] {item.title[lang]}", description, channel))
    ical: bytes = cal.to_ical()
    return ical
