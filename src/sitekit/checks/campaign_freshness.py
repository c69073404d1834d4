"""October campaigns at the build date: a draft whose October is over, no file yet for the coming October.

The rules (documented in README, "Validator"):
  - a campaign still `brouillon` once 31 October of its year has passed: error. Publish it with the dates a
    source gives, or archive it (`status: archive`) with a summary saying what was and was not found.
  - from 1 September, no campaign file for that year's October: warning (copy last year's file as a draft).
  - a draft is not published (only make preview builds it): said once, as information, with how to see it.
"""

from __future__ import annotations

from datetime import date

from sitekit.campaigns.model import CAMPAIGNS_DIR, Campaign
from sitekit.core.problems import Level, Problem

CAMPAIGN_MONTH = 10  # October
PREPARE_FROM_MONTH = 9  # a campaign file is expected once September has begun


def coming_october(today: date) -> int:
    """The year of the October that is under way or ahead."""
    return today.year if today.month <= CAMPAIGN_MONTH else today.year + 1


def campaign_freshness_problems(
    campaigns: list[Campaign], today: date, folder: str = CAMPAIGNS_DIR, drafts: bool = False
) -> list[Problem]:
    """`folder`: the campaign files' folder as shown (sitekit.campaigns.model.campaigns_folder); `drafts`: the
    site checked is a preview that builds drafts."""
    out: list[Problem] = []
    for campaign in campaigns:
        if campaign.is_draft and not drafts and today <= date(campaign.year, CAMPAIGN_MONTH, 31):
            first_day = date(campaign.year, CAMPAIGN_MONTH, 1).isoformat()
            out.append(
                Problem(
                    campaign.display_path,
                    campaign.line("status"),
                    "status",
                    f"the {campaign.year} campaign is a draft (brouillon): it is not published",
                    f"see it with make preview DATE={first_day}; publish it with status: publie once a "
                    "source gives its dates",
                    Level.INFO,
                )
            )
        if campaign.is_draft and today > date(campaign.year, CAMPAIGN_MONTH, 31):
            out.append(
                Problem(
                    campaign.display_path,
                    campaign.line("status"),
                    "status",
                    f"the {campaign.year} campaign is still a draft (brouillon) and its October is over",
                    "publish it with its dates and sources (status: publie), or set status: archive and say in the "
                    "summary what was not found",
                )
            )
    year = coming_october(today)
    if today >= date(year, PREPARE_FROM_MONTH, 1) and year not in {c.year for c in campaigns}:
        out.append(
            Problem(
                folder,
                0,
                "",
                f"no campaign file for October {year} ({folder}/{year}.yml)",
                f"create it with make campaign YEAR={year} (a draft, dates unknown until a source gives them)",
                Level.WARNING,
            )
        )
    return out
