"""October campaigns: the loader's problems (exact text and line), and the shipped campaigns' statuses."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, refused
from sitekit.campaigns.model import CampaignStatus, load_campaign, load_campaigns, running
from sitekit.core.problems import ProblemsError
from sitekit.kits.model import kit_folder_ids

CAMPAIGNS = load_campaigns(ROOT / "data" / "campaigns")
SHIPPED_2025 = (ROOT / "data" / "campaigns" / "2025.yml").read_text(encoding="utf-8")
# The shipped 2025 file with a known national end date, so that the checks against the campaign's span run.
VALID = SHIPPED_2025.replace("\nends: unknown", "\nends: 2025-10-31", 1)


def line_of(text: str, needle: str, start: int = 0) -> int:
    return text[: text.index(needle, start)].count("\n") + 1


def problems(tmp_path: Path, text: str, name: str = "2025.yml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_campaign(path, f"data/campaigns/{name}", kit_folder_ids(ROOT / "kits"))
    return [str(p) for p in caught.value.problems]


def test_shipped_campaigns_published_archived_and_a_draft_for_the_next_october():
    # 2026: its October is over and no source gave its dates: archived, not left as a draft.
    assert [(c.year, c.status.value, c.starts, c.ends, c.edition, c.theme) for c in CAMPAIGNS] == [
        (2027, "brouillon", None, None, None, None),
        (2026, "archive", None, None, None, None),
        (2025, "publie", date(2025, 10, 1), None, 13, CAMPAIGNS[2].theme),
    ]
    # 2025: no source gives the national edition's end; its theme is the one the sources give.
    assert CAMPAIGNS[2].theme is not None and CAMPAIGNS[2].theme.fr == "Histoire de Cyber"
    assert CAMPAIGNS[2].plan_ends == date(2025, 10, 31)


def test_unknown_channel_and_audience_are_named_with_their_line(tmp_path):
    text = VALID.replace("channel: affichage", "channel: affiche", 1).replace(
        "audience: [soignants, administratifs]", "audience: [soignants, patients]", 1
    )
    assert problems(tmp_path, text) == [
        f"data/campaigns/2025.yml:{line_of(text, 'channel: affiche')}: weeks[0].items[1].channel: 'affiche' is not "
        "allowed (use 'intranet', 'courriel', 'affichage', 'reseaux-sociaux' or 'reunion-de-service')",
        f"data/campaigns/2025.yml:{line_of(text, 'audience: [soignants, patients]')}: weeks[0].items[1].audience[1]: "
        "'patients' is not allowed (use 'soignants', 'administratifs', 'direction', 'informatique', "
        "'medico-social' or 'tous')",
    ]


def test_a_kit_that_does_not_exist_is_named_with_its_line(tmp_path):
    text = VALID.replace("kit: hameconnage", "kit: hameconage", 1)
    assert problems(tmp_path, text) == [
        f"data/campaigns/2025.yml:{line_of(text, 'kit: hameconage')}: weeks[0].items[1].kit: unknown kit "
        "'hameconage' (did you mean hameconnage? use the name of a folder of kits/ (acces-distants-teletravail, "
        "appareils-mobiles, cles-usb, cybermois, exercice-crise, fraudes-telephone-virement, hameconnage, "
        "medico-social-premier-niveau, mises-a-jour, mots-de-passe, poste-partage-soins, reseaux-sociaux-secret, "
        "sauvegardes-pca-pra))",
    ]


def test_item_outside_the_campaign_and_outside_its_week(tmp_path):
    text = VALID.replace("date: 2025-10-02", "date: 2025-11-02", 1).replace("date: 2025-10-09", "date: 2025-10-14", 1)
    assert problems(tmp_path, text) == [
        f"data/campaigns/2025.yml:{line_of(text, 'date: 2025-11-02')}: weeks[0].items[1].date: 2025-11-02 is outside "
        "the campaign (2025-10-01 to 2025-10-31) (correct the date or remove the item)",
        f"data/campaigns/2025.yml:{line_of(text, 'date: 2025-10-14')}: weeks[1].items[1].date: 2025-10-14 is outside "
        "week 2 (2025-10-06 to 2025-10-12) (move the item under the week that holds its date)",
    ]


def test_year_of_file_name_missing_text_and_published_without_dates(tmp_path):
    text = VALID.replace("starts: 2025-10-01", "starts: unknown", 1)
    assert problems(tmp_path, text, "2024.yml") == [
        f"data/campaigns/2024.yml:{line_of(text, 'year: 2025')}: year: 2025 is not the year of the file name "
        "(2024.yml) (name the file 2025.yml or correct the year)",
        f"data/campaigns/2024.yml:{line_of(text, 'status: publie')}: status: a published campaign needs its start "
        "date and an end date (its own, or its weeks' last end) (give starts: and ends: (or the weeks' ends: when no "
        "source gives the campaign's end), or set status: brouillon while they are to be confirmed)",
    ]
    text = VALID.replace("          en: The Cybermois begins\n", "", 1)
    assert problems(tmp_path, text) == [
        f"data/campaigns/2025.yml:{line_of(text, 'fr: Le Cybermois commence') - 1}: weeks[0].items[0].title.en: "
        "missing English text (add en: with the text in that language)"
    ]


def test_malformed_date_and_yaml_error(tmp_path):
    text = VALID.replace("date: 2025-10-07", "date: 7 octobre", 1)
    assert problems(tmp_path, text) == [
        f"data/campaigns/2025.yml:{line_of(text, 'date: 7 octobre')}: weeks[1].items[0].date: '7 octobre' is not "
        "a date (write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)"
    ]
    assert problems(tmp_path, "year: 2025\nstatus: [publie\n") == [
        "data/campaigns/2025.yml:2: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
    ]


def test_every_problem_of_a_campaign_file_at_once(tmp_path):
    """A wrong date, a wrong channel and a wrong kit in one file: the three at once, not one per build."""
    text = (ROOT / "data" / "campaigns" / "2027.yml").read_text(encoding="utf-8")
    text = text.replace("last_checked: 2026-11-29", "last_checked: 2026-11-31", 1)
    text = text.replace("        channel: intranet", "        channel: intranett", 1)
    text = text.replace("        kit: mots-de-passe", "        kit: mots-de-pass", 1)
    kits = {"cybermois", "mots-de-passe", "exercice-crise", "fraudes-telephone-virement", "acces-distants-teletravail"}
    kits |= {"appareils-mobiles"}
    exc = refused(load_campaign, tmp_path / "2027.yml", text, "data/campaigns/2027.yml", kits)
    assert [(p.field, p.message) for p in exc.problems] == [
        ("last_checked", "'2026-11-31' is not a date"),
        ("weeks[0].items[0].channel", "'intranett' is not allowed"),
        ("weeks[1].items[0].kit", "unknown kit 'mots-de-pass'"),
    ]


def test_the_campaign_under_way_and_its_week_for_the_staff_home():
    (published,) = [c for c in CAMPAIGNS if c.year == 2025]
    # The national end is unknown: the campaign runs until its plan's last week ends (31 October 2025).
    last = published.weeks[-1].ends
    assert published.starts and published.ends is None and last and published.plan_ends == last
    assert published.weeks[1].starts and published.weeks[1].ends
    assert running(CAMPAIGNS, published.starts) == (published, 1)
    assert running(CAMPAIGNS, published.weeks[1].starts) == (published, 2)
    assert running(CAMPAIGNS, published.weeks[1].ends) == (published, 2)
    assert running(CAMPAIGNS, last) == (published, len(published.weeks))
    assert running(CAMPAIGNS, published.starts - timedelta(days=1)) is None
    assert running(CAMPAIGNS, last + timedelta(days=1)) is None
    # A known national end wins over the weeks' last end.
    earlier = published.model_copy(update={"ends": date(2025, 10, 20)})
    assert earlier.plan_ends == date(2025, 10, 20) and running([earlier], date(2025, 10, 21)) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_staff_home_gives_the_plans_last_day_when_the_national_end_is_unknown(lang):
    from sitekit.campaigns.view import CampaignsRenderer
    from sitekit.project import load_project

    project = load_project(ROOT)
    renderer = CampaignsRenderer(ROOT / "overrides" / "partials" / "campaigns", project.strings)
    text = renderer.now(CAMPAIGNS, date(2025, 10, 31), lang, "index.html")
    assert 'datetime="2025-10-01"' in text and 'datetime="2025-10-31"' in text and "None" not in text


def test_a_draft_or_archived_campaign_is_never_under_way():
    (published,) = [c for c in CAMPAIGNS if c.year == 2025]
    day = published.weeks[0].starts
    for status in (CampaignStatus.BROUILLON, CampaignStatus.ARCHIVE):
        assert running([published.model_copy(update={"status": status})], day) is None
    assert running([published.model_copy(update={"starts": None})], day) is None


def test_an_item_s_quiz_must_be_a_kit_with_a_quiz(tmp_path):
    text = VALID.replace("kit: hameconnage", "kit: hameconnage\n        quiz: sauvegardes-pca-pra", 1)
    path = tmp_path / "2025.yml"
    kits = kit_folder_ids(ROOT / "kits")
    quizzes = kits - {"sauvegardes-pca-pra"}  # as if that kit had no quiz.yml
    exc = refused(load_campaign, path, text, "data/campaigns/2025.yml", kits, quizzes)
    assert [str(p) for p in exc.problems] == [
        f"data/campaigns/2025.yml:{line_of(text, 'quiz: sauvegardes-pca-pra')}: weeks[0].items[1].quiz: kit "
        "'sauvegardes-pca-pra' has no quiz (add kits/sauvegardes-pca-pra/quiz.yml, or name a kit that has one "
        f"({', '.join(sorted(quizzes))}))"
    ]
    unknown = VALID.replace("kit: hameconnage", "kit: hameconnage\n        quiz: hameconage", 1)
    exc = refused(load_campaign, path, unknown, "data/campaigns/2025.yml", kits, quizzes)
    assert [p.message for p in exc.problems] == ["unknown kit 'hameconage'"]
    good = VALID.replace("kit: hameconnage", "kit: hameconnage\n        quiz: hameconnage", 1)
    path.write_text(good, encoding="utf-8")
    campaign = load_campaign(path, "data/campaigns/2025.yml", kits, quizzes)
    assert [i.quiz for w in campaign.weeks for i in w.items if i.quiz] == ["hameconnage"]
