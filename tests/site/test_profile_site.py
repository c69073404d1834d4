"""Sites built from other profiles: a profile written from an example carries its name, numbers, address and
colour into every page, poster, QR code, feed and calendar, and passes the publish check; a hospital and the
médico-social example differ where they must."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, build_project
from sitekit.checks import cli as validate
from sitekit.checks.publish import PLACEHOLDER_WORDS

pytestmark = pytest.mark.long

EXAMPLES = ROOT / "examples" / "profiles"
QR_WIDTH = 1400  # pixels across a page rendered to read its QR code (every poster's reads at this width)
FIXTURE = ROOT / "tests" / "fixtures" / "profiles" / "clinique.yml"
NAME, PHONE, TEL, URL, COLOUR = (
    "Clinique Sainte-Orvane",
    "01 42 08 77 88",
    "tel:+33142087788",
    "https://cyber.clinique-sainte-orvane.fr/",
    "#7a1f5c",
)


@pytest.fixture(scope="module")
def mine(tmp_path_factory) -> Path:
    """A profile as an establishment writes it from the hospital example: every value the example marks
    « # fictif » replaced (tests/fixtures/profiles/clinique.yml), its own logo and colour."""
    text = FIXTURE.read_text(encoding="utf-8")
    for value in (NAME, f'"{PHONE}"', URL, f'"{COLOUR}"'):
        assert value in text
    path = tmp_path_factory.mktemp("profile") / "clinique.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def mine_site(mine, profile_site) -> Path:
    return profile_site(mine)


def page_text(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def qr_codes(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_pages_carry_the_profile(mine_site):
    for rel in ("incident.html", "en/incident.html", "index.html", "mentions-legales.html"):
        html = page_text(mine_site, rel)
        assert NAME in html, rel
    incident = page_text(mine_site, "incident.html")
    # The number never breaks across lines: its digit groups are joined by non-breaking spaces.
    assert f'href="{TEL}"' in incident and PHONE.replace(" ", "\u00a0") in incident and PHONE not in incident
    assert f'<link rel="canonical" href="{URL}incident.html">' in incident
    assert COLOUR in page_text(mine_site, "assets/stylesheets/profil.css")


def test_no_placeholder_left_in_any_page(mine_site):
    for page in sorted(mine_site.rglob("*.html")):
        # (code is shown as written: the publishing guide quotes the placeholder word in code spans)
        html = re.sub(r"<code>.*?</code>", " ", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        text = re.sub(r"<[^>]+>", " ", html)
        assert not PLACEHOLDER_WORDS.search(text), page.relative_to(mine_site)


def test_every_public_address_is_the_profile_s(mine_site):
    locations = re.findall(r"<loc>([^<]+)</loc>", page_text(mine_site, "sitemap.xml"))
    assert locations and all(loc.startswith(URL) for loc in locations)
    assert f'href="{URL}actualites/index.html"' in page_text(mine_site, "actualites/feed.xml")
    calendar = page_text(mine_site, "appels/calls.ics").replace("\r\n ", "")
    assert f"URL:{URL}appels/fiches/" in calendar and "example" not in calendar
    assert f"{URL}campagnes/2025.html" in page_text(mine_site, "campagnes/2025.ics").replace("\r\n ", "")
    assert "example" not in page_text(mine_site, "sitemap.xml")


def test_posters_carry_the_name_the_numbers_and_qr_codes_to_existing_pages(mine_site):
    pdfs = sorted((mine_site / "kits" / "telechargements").rglob("*.pdf"))
    assert len(pdfs) >= 14
    for pdf in pdfs:
        reader = PdfReader(pdf)
        text = " ".join(page.extract_text() for page in reader.pages)
        # the number is printed unbroken: its groups joined by non-breaking spaces
        assert NAME in text and PHONE in text.replace("\u00a0", " "), pdf.name
        assert not PLACEHOLDER_WORDS.search(text), pdf.name
        if pdf.name.startswith("affiche"):
            assert len(reader.pages) == 1, f"{pdf.name}: a poster is one page"
        first = pypdfium2.PdfDocument(pdf)[0]
        image = first.render(scale=QR_WIDTH / first.get_width()).to_pil()  # A4 and A3 alike
        [target] = qr_codes(image)
        assert target.startswith(URL), (pdf, target)
        assert (mine_site / urlsplit(target).path.lstrip("/")).is_file(), target
        kit = pdf.parent.name
        assert target.endswith(f"kits/fiches/{kit}.html"), target
    screens = sorted((mine_site / "kits" / "telechargements").rglob("*.1920x1080.png"))
    assert len(screens) >= 12
    for screen in screens:  # the waiting-room screen carries the QR code too
        [target] = qr_codes(Image.open(screen))
        assert target.startswith(URL) and (mine_site / urlsplit(target).path.lstrip("/")).is_file(), screen.name
        assert target.endswith(f"kits/fiches/{screen.parent.name}.html"), target


def test_the_filled_profile_passes_the_publish_check(mine, mine_site, capsys):
    args = ["--root", str(ROOT), "--site", str(mine_site), "--today", "2025-10-20", "--profile", str(mine)]
    code = validate.main([*args, "--publish"])
    out = capsys.readouterr().out
    assert code == 0, out
    # No problem of the publish check (the overview's « published » posts and the draft campaign's note aside).
    problems = [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
    assert [line for line in problems if "publish" in line] == []


def test_a_hospital_and_the_medico_social_example_differ_where_they_must(mine_site, profile_site):
    """The médico-social example against a hospital (the complete profile written from the hospital example, built
    once for the session)."""
    hospital, medico = mine_site, profile_site(EXAMPLES / "medico-social.yml")
    assert NAME in page_text(hospital, "index.html")
    assert "EHPAD Les Aulnes de Valbrume" in page_text(medico, "index.html")
    assert f'href="{TEL}"' in page_text(hospital, "incident.html")
    assert 'href="tel:+33465712020"' in page_text(medico, "incident.html")
    assert page_text(hospital, "assets/images/etablissement.svg") == page_text(FIXTURE.parent, "clinique.svg")
    assert page_text(medico, "assets/images/etablissement.svg") == page_text(EXAMPLES, "medico-social.svg")
    assert page_text(hospital, "assets/images/etablissement.svg") != page_text(
        medico, "assets/images/etablissement.svg"
    )
    assert COLOUR in page_text(hospital, "assets/stylesheets/profil.css")
    assert "#418424" in page_text(medico, "assets/stylesheets/profil.css")  # #4c9a2a darkened for white text
    assert "ARS Auvergne-Rhône-Alpes" in page_text(medico, "accompagnement-regional.html")
    # The médico-social establishment's home page gives its sector's pages right after what is current, before the
    # everyday pages; its kit catalogue starts with its sector.
    for site, first in ((medico, True), (hospital, False)):
        home = page_text(site, "index.html")
        headings = re.findall(r"<h2 id=\"([^\"]+)\"", home)
        assert headings[0] == "en-ce-moment", headings
        assert (headings[1] == "etablissements-medico-sociaux-par-ou-commencer") is first, headings
        catalogue = page_text(site, "kits/index.html")
        kits = re.findall(r'href="fiches/([a-z0-9-]+)\.html"', catalogue)
        assert (kits[0] == "medico-social-premier-niveau") is first, kits


def test_the_demo_shows_what_is_left_to_complete(site):
    incident = page_text(site, "incident.html")
    assert "[à compléter dans le profil\u00a0: contacts.it_support]" in incident
    assert "[to be completed in the profile: contacts.it_support]" in page_text(site, "en/incident.html")


def test_an_unknown_profile_key_stops_the_build_with_page_and_line(project):
    page = project / "docs" / "incident.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("profile:contacts.rssi -->", "profile:contacts.rsi -->"), "utf-8"
    )
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), 1) if "profile:contacts.rsi" in text)
    code, output = build_project(project)
    assert code != 0
    assert re.search(
        rf"docs/incident\.md:{line}: <!-- profile:contacts\.rsi -->: unknown profile key 'contacts\.rsi' "
        r"\(did you mean contacts\.rssi\?",
        output,
    ), output
    assert "Traceback" not in output


def test_a_bad_profile_stops_the_build_with_file_line_and_fix(project):
    profile = project / "data" / "profile.yml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace('colour: "#000091"', "colour: rouge"), encoding="utf-8"
    )
    code, output = build_project(project)
    assert code != 0
    assert "data/profile.yml:55: establishment.colour: 'rouge' is not a colour" in output, output
    assert "Traceback" not in output
