"""Claims checked against their sources, read in the Markdown pages, kits and data, in French and English.

Each test reads the hand-written sources (no build): a claim that drifts from the reference facts again fails here,
naming the file. Texts are compared with their spaces normalised (French text uses non-breaking spaces).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.criteria.model import Imperative
from sitekit.project import load_project

ARS_IDF_ARTICLE = (
    "https://www.iledefrance.ars.sante.fr/mois-de-la-cybersecurite-lars-ile-de-france-en-premiere-ligne-pour-la-"
    "protection-des-donnees-de-0"
)
ARS_CORSE_ARTICLE = (
    "https://www.corse.ars.sante.fr/le-programme-cybersecurite-acceleration-et-resilience-des-etablissements-care"
)
# The facts name an ANS press release on esante.gouv.fr without its address: the press area is linked, by name.
D2_RELEASE = "](https://esante.gouv.fr/espace-presse)"
GUESSED_URLS = (
    "has-sante.fr/jcms/p_3339042",
    "risqual.net/actualite/",
    "conseilqualite.com/blog/",
    "esante.gouv.fr/espace-presse/publication-de-larrete-du-3-juillet",
    "cnil.fr/fr/notifier-une-violation",
)
ARS_IDF_HOME = re.compile(r"https?://www\.iledefrance\.ars\.sante\.fr/?(?=[)\s\"'>]|$)")
CERT_PHONE = re.compile(r"(?:\+33 9|09) 72 43 91 25")
LANGS = ("fr", "en")
PROJECT = load_project(ROOT)


def flat(text: str) -> str:
    """Spaces of any kind (non-breaking, line breaks of folded YAML) as one plain space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def page(name: str, lang: str) -> str:
    suffix = "" if lang == "fr" else ".en"
    return flat((ROOT / "docs" / f"{name}{suffix}.md").read_text(encoding="utf-8"))


def content_files() -> list[Path]:
    """Every hand-written page, kit file and data file (generated pages are git-ignored)."""
    found = [p for p in (ROOT / "docs").rglob("*.md") if not {"fiches", "criteres"} & set(p.parts)]
    found += [p for p in (ROOT / "kits").rglob("*") if p.suffix in (".md", ".yml")]
    found += list((ROOT / "data").rglob("*.yml"))
    return sorted(p for p in found if not re.fullmatch(r"\d{4}\.md", p.name))


# --- sources: the article itself, not a home page ------------------------------------------------


def test_no_fact_links_the_ars_ile_de_france_home_page():
    offenders = [
        str(p.relative_to(ROOT)) for p in content_files() if ARS_IDF_HOME.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "link the ARS Île-de-France article (seed 000), not the agency's home page"


def test_seed_000_and_004_facts_link_their_public_articles():
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in content_files()}
    assert sum(ARS_IDF_ARTICLE in t for t in texts.values()) >= 20
    assert sum(ARS_CORSE_ARTICLE in t for t in texts.values()) >= 8
    unlinked = [path for path, t in texts.items() if "source de référence" in t or "reference source" in t]
    assert unlinked == [], "seed 004 has a public address: link it"


@pytest.mark.parametrize("lang", LANGS)
def test_the_d2_envelope_and_arrete_cite_the_ans_release(lang):
    for name in ("programme-care", "actualites/billets/2025-09-02-care-domaine-2-candidatures"):
        text = page(name, lang)
        amount = {"fr": "45 M€", "en": "€45 million"}[lang]
        sentence = next(s for s in re.split(r"(?<=\.)\s", text) if amount in s)
        assert D2_RELEASE in sentence and "becycure" not in sentence.lower(), name


def test_no_page_or_data_file_cites_an_address_the_references_do_not_give():
    """Full paths the fact sheet never gives (it names the site, or the article and its date) are not cited."""
    offenders = [
        f"{p.relative_to(ROOT)}: {url}"
        for p in content_files()
        for url in GUESSED_URLS
        if url in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_criteria_no_source_confirms_have_no_source_and_say_so():
    by_id = {c.id: c for c in PROJECT.criteria.criteria}
    for cid in ("essms-2-2-07", "essms-2-10-02", "essms-3-15-02", "essms-3-15-03"):
        criterion = by_id[cid]
        assert criterion.sources == () and not criterion.confirmed, cid
        assert criterion.note is not None and "à confirmer" in criterion.note.fr, cid


# --- CERT Santé, reporting, ESMS -----------------------------------------------------------------------


def test_the_medico_social_kit_does_not_offer_the_cert_phone_line_to_esms():
    kit = ROOT / "kits" / "medico-social-premier-niveau"
    for path in sorted(kit.glob("*.md")):
        assert not CERT_PHONE.search(path.read_text(encoding="utf-8")), path.name
    fr = flat((kit / "fiche-reflexe.fr.md").read_text(encoding="utf-8"))
    en = flat((kit / "fiche-reflexe.en.md").read_text(encoding="utf-8"))
    assert "incidents graves de sécurité" in fr and "pas pour les ESMS" in fr
    assert "serious information-system security incidents" in en and "not for ESMS" in en


@pytest.mark.parametrize("lang", LANGS)
def test_every_mention_of_the_cert_phone_line_says_whom_it_is_for(lang):
    """Wherever the 24/7 number is given, the same sentence or list item says it is the health establishments'."""
    suffix = "" if lang == "fr" else ".en"
    whom = {"fr": "établissements de santé", "en": "health establishments"}[lang]
    files = [p for p in content_files() if p.suffix == ".md" and p.name.endswith(f"{suffix}.md")]
    if lang == "fr":
        files = [p for p in files if not p.name.endswith(".en.md")]
    for path in files:
        for block in re.split(r"\n\s*\n|\n(?=- )", path.read_text(encoding="utf-8")):
            if CERT_PHONE.search(block):
                assert whom in flat(block), f"{path.relative_to(ROOT)}: {flat(block)[:120]}"


@pytest.mark.parametrize(
    "lang, duty",
    [
        ("fr", "signalement des incidents graves de sécurité des systèmes d’information est obligatoire"),
        ("en", "reporting serious information system security incidents"),
    ],
)
def test_the_incident_page_says_the_duty_covers_serious_incidents(lang, duty):
    text = page("incident", lang)
    assert duty in text.lower()
    portal = {"fr": "signalent leurs incidents par le portail", "en": "report their incidents through the portal"}
    assert portal[lang] in text


@pytest.mark.parametrize("lang, word", [("fr", "Au niveau national, 510 établissements"), ("en", "Nationally, 510")])
def test_510_establishments_is_the_national_figure(lang, word):
    text = page("gestion-de-crise", lang)
    assert word in text
    assert "Dans la région, 510" not in text and "In the region, 510" not in text


# --- dated figures, agreeing pages ---------------------------------------------------------------------


@pytest.mark.parametrize("lang, dated", [("fr", "19 avril 2024"), ("en", "19 April 2024")])
def test_d1_733_validated_is_dated_at_the_closing_of_the_window(lang, dated):
    call = next(c for c in PROJECT.calls if c.id == "d1-candidature")
    summary = flat(call.summary[lang])
    assert dated in summary and summary.index(dated) < summary.index("733")
    assert "90" in summary[summary.index("733") :]  # the later figure, with its own date
    text = page("programme-care", lang)
    assert dated in text and text.index(dated) < text.index("733")


@pytest.mark.parametrize(
    "lang, instruction",
    [("fr", "30 janvier 2023 **(à confirmer)**"), ("en", "30 January 2023 **(to be confirmed)**")],
)
def test_the_crisis_exercise_post_and_page_agree_on_the_instruction(lang, instruction):
    post = page("actualites/billets/2026-12-01-preparer-l-exercice-de-crise-2027", lang)
    assert instruction in post and ARS_CORSE_ARTICLE in post
    assert instruction in page("gestion-de-crise", lang)


# --- calls, campaigns ----------------------------------------------------------------------------------


def test_hospiconnect_2024_is_archived_with_its_reason_in_both_languages():
    call = next(c for c in PROJECT.calls if c.id == "hospiconnect-appel-a-projets-2024")
    assert call.override is not None and call.override.status == "archive" and call.closes is None
    assert "20 janvier 2026" in flat(call.override.reason.fr) and "20 January 2026" in flat(call.override.reason.en)


@pytest.mark.parametrize("lang, passed", [("fr", "Cette échéance est passée"), ("en", "That time has passed")])
def test_the_medico_social_call_says_its_announced_date_has_passed(lang, passed):
    call = next(c for c in PROJECT.calls if c.id == "medico-social-premier-appel")
    assert passed in flat(call.summary[lang]) and call.opens is None and call.closes is None
    assert ARS_IDF_ARTICLE in call.sources
    page_passed = {"fr": "échéance de fin 2025 est passée", "en": "end-of-2025 date has passed"}[lang]
    assert page_passed in page("medico-social", lang)
    care = {"fr": "Cette échéance est passée", "en": "That date has passed"}[lang]
    assert care in page("programme-care", lang)


def test_the_2026_campaign_is_archived_and_2027_is_a_draft():
    by_year = {c.year: c for c in PROJECT.campaigns}
    assert by_year[2026].is_archived and by_year[2027].is_draft
    assert "Octobre 2026 est passé" in flat(by_year[2026].summary.fr)
    assert "October 2026 has passed" in flat(by_year[2026].summary.en)


# --- HAS criteria ------------------------------------------------------------------------------------------


def test_has_versions_are_kept_apart():
    criteria = PROJECT.criteria
    assert {r.id for r in criteria.frameworks} == {
        "certification-es-2024",
        "certification-es-2025",
        "evaluation-essms",
    }
    by_id = {c.id: c for c in criteria.criteria}
    for cid in ("es-risques-numeriques-1", "es-risques-numeriques-2", "es-risques-numeriques-renforces"):
        assert by_id[cid].framework == "certification-es-2024", cid
    for cid in ("es-systemes-ia-1", "es-systemes-ia-2"):
        assert by_id[cid].framework == "certification-es-2025", cid
    for lang, until in (("fr", "août 2025"), ("en", "August 2025")):
        assert until in flat(criteria.framework("certification-es-2024").version[lang])
        assert until in page("certification/index", lang)


def test_essms_imperative_only_where_a_source_says_and_objective_3_14():
    by_id = {c.id: c for c in PROJECT.criteria.criteria}
    imperative = {cid for cid, c in by_id.items() if c.imperative is Imperative.YES}
    assert imperative == {"essms-3-14-01", "essms-3-14-02"}
    assert by_id["essms-3-14-04"].imperative is Imperative.NO
    for cid in ("essms-2-2-07", "essms-2-10-02", "essms-3-15-02", "essms-3-15-03"):
        assert by_id[cid].imperative is Imperative.UNKNOWN and not by_id[cid].confirmed, cid
    for cid in ("essms-3-14-01", "essms-3-14-02", "essms-3-14-04"):
        assert "3.14" in by_id[cid].objective.fr and any("conseilqualite" in s for s in by_id[cid].sources)
    assert "objective 3.14" in page("certification/index", "en")
    assert "l’objectif 3.14" in page("certification/index", "fr")


# --- ransomware ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bonnes-pratiques", "incident", "gestion-de-crise"])
def test_ransomware_is_covered_where_staff_look_with_its_sourced_figures(name):
    for lang, word, figure in (
        ("fr", "rançongiciel", "10 % des attaques par rançongiciel"),
        ("en", "ransomware", "10% of ransomware attacks"),
    ):
        text = page(name, lang)
        assert word in text.lower(), (name, lang)
        assert figure in text and "https://esante.gouv.fr/strategie-nationale/cybersecurite" in text, (name, lang)


# --- the theme kits: phone and payment fraud, the shared computer; the new good-practice sections -------------

NEW_KITS = ("fraudes-telephone-virement", "poste-partage-soins")
FRANCE_BLEU_2015 = (
    "https://www.francebleu.fr/infos/economie-social/l-hopital-nord-deux-sevres-dejoue-une-arnaque-1-3-m-eu-1441904081"
)
DGCCRF_33700 = "https://www.economie.gouv.fr/dgccrf/sms-et-appels-indesirables-le-33-700-facilite-le-signalement-des-numeros-frauduleux"
CNIL_DPI = (
    "https://www.globalsecuritymag.com/conformite-et-securite-des-dossiers-medicaux-la-cnil-lance-une-consultation.html"
)
PSC_2023 = "https://industriels.esante.gouv.fr/en/products-services/health-pro-authentication-pro-sante-connect"
PSC_2026 = "https://www.esante-occitanie.fr/usages-espaces-utilisateurs-numerique-par-expertise-services-socles-identification/"
URL = re.compile(r"https?://[^\s)\]>;,]+[^\s)\]>;,.]")


def kit_blocks(kit_id: str, lang: str, quiz: bool = True) -> list[str]:
    """The paragraphs and list items of a kit's Markdown sources in one language, and each choice of its quiz with
    its explanation (after its question)."""
    kit = next(k for k in PROJECT.kits if k.id == kit_id)
    blocks: list[str] = []
    for file, text in kit.markdown_texts():
        if file.lang.value == lang:
            blocks += [flat(b) for b in re.split(r"\n\s*\n|\n(?=- |\d+\. )", text) if b.strip()]
    if quiz and kit.quiz is not None:
        blocks += [
            flat(
                f"{q.question[lang]} {c.text[lang]} {c.explanation[lang]} {q.source or ''}"
            ).strip()  # with its question
            for q in kit.quiz.questions
            for c in q.choices
        ]
    return blocks


@pytest.mark.parametrize("kit_id", NEW_KITS)
def test_every_address_a_new_kit_cites_is_in_its_sources(kit_id):
    kit = next(k for k in PROJECT.kits if k.id == kit_id)
    cited = {url for _, text in kit.markdown_texts() for url in URL.findall(text)}
    assert cited and cited <= set(kit.sources), sorted(cited - set(kit.sources))


@pytest.mark.parametrize(
    "lang, figure, reported",
    [("fr", "1,3 M€", "selon France Bleu"), ("en", "€1.3 million", "according to France Bleu")],
)
def test_the_blocked_hospital_transfer_is_reported_with_its_year_and_source(lang, figure, reported):
    """A medium fact (one press report): worded as reported, dated 2015, France Bleu in the kit's sources."""
    kit = next(k for k in PROJECT.kits if k.id == "fraudes-telephone-virement")
    assert FRANCE_BLEU_2015 in kit.sources
    blocks = [b for b in kit_blocks(kit.id, lang) if figure in b]
    assert len(blocks) >= 4, "poster, quiz, e-mail, article and posts give the figure"
    for block in blocks:
        assert reported.lower() in block.lower() and "2015" in block, block[:160]


@pytest.mark.parametrize("lang, sheet", [("fr", "fiche-reflexe.fr.md"), ("en", "fiche-reflexe.en.md")])
def test_the_33_700_instructions_follow_the_dgccrf(lang, sheet):
    """A high fact: stated as is, the DGCCRF page in the kit's sources; the reflex sheet gives both ways to report."""
    kit = next(k for k in PROJECT.kits if k.id == "fraudes-telephone-virement")
    assert DGCCRF_33700 in kit.sources
    blocks = [b for b in kit_blocks(kit.id, lang) if "spam vocal" in b]
    assert len(blocks) >= 4 and all("33 700" in b for b in blocks)
    text = flat((kit.folder / sheet).read_text(encoding="utf-8"))
    assert "33 700" in text and "spam vocal" in text


@pytest.mark.parametrize(
    "lang, figures, reported",
    [
        ("fr", ("16 en 2018", "196 en 2024"), "selon la CNIL"),
        ("en", ("16 in 2018", "196 in 2024"), "according to the CNIL"),
    ],
)
def test_the_cnil_breach_notifications_are_dated_and_sourced(lang, figures, reported):
    blocks = [b for b in kit_blocks("poste-partage-soins", lang) if figures[1] in b]
    assert len(blocks) >= 2
    for block in blocks:
        assert figures[0] in block and reported.lower() in block.lower() and CNIL_DPI in block, block[:160]


@pytest.mark.parametrize(
    "lang, first, second", [("fr", "janvier 2023", "1er janvier 2026"), ("en", "January 2023", "1 January 2026")]
)
def test_pro_sante_connect_shows_both_dates_each_with_its_source(lang, first, second):
    for block in kit_blocks("poste-partage-soins", lang):
        if first in block:
            assert PSC_2023 in block, block[:160]
        if second in block:
            assert PSC_2026 in block and ("e-santé Occitanie" in block), block[:160]
    joined = " ".join(kit_blocks("poste-partage-soins", lang))
    assert first in joined and second in joined


@pytest.mark.parametrize(
    "lang, penalty",
    [("fr", "un an d’emprisonnement et de 15 000 € d’amende"), ("en", "one year in prison and a €15,000 fine")],
)
def test_the_secrecy_penalty_names_article_226_13_and_its_source(lang, penalty):
    text = page("bonnes-pratiques", lang)
    sentence = next(s for s in re.split(r"(?<=\.)\s|\n", text) if penalty in s)
    assert "226-13" in sentence and "secretpro.fr" in sentence


# --- kit reseaux-sociaux-secret: social networks and professional secrecy ------------------------------------------

SECRECY_KIT = "reseaux-sociaux-secret"
L1110_4_LEGIFRANCE = "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072665/LEGISCTA000006170991/"
EGORA_CONSEIL_ETAT = "https://egora.fr/gestion-du-cabinet/juridique/reseaux-sociaux-un-medecin-peut-il-publier-des-photos-reconnaissables"


@pytest.mark.parametrize("kit_id", [SECRECY_KIT, "acces-distants-teletravail"])
def test_every_address_a_theme_kit_cites_is_in_its_sources(kit_id):
    kit = next(k for k in PROJECT.kits if k.id == kit_id)
    cited = {url for _, text in kit.markdown_texts() for url in URL.findall(text)}
    assert cited and cited <= set(kit.sources), sorted(cited - set(kit.sources))


# --- kits appareils-mobiles and cles-usb: phones, tablets, public Wi-Fi; USB sticks and removable media ---------

MOBILE_USB_KITS = ("appareils-mobiles", "cles-usb")
ANSSI_2025_CLUBIC = (
    "https://clubic.com/actualite-559920-l-agence-cyber-francaise-donne-ses-10-conseils-pour-une-parfaite-hygiene-"
    "numerique-du-telephone-portable.html"
)
FBI_JUICE_JACKING = (
    "https://www.lemondeinformatique.fr/actualites/lire-bornes-publiques-de-recharge-le-fbi-alerte-sur-le-juice-"
    "jacking-90105.html"
)
NORD_GENDARMERIE_2019 = (
    "https://france3-regions.francetvinfo.fr/hauts-de-france/connaissez-vous-arnaque-clef-usb-contre-laquelle-"
    "alerte-gendarmerie-du-nord-1669879.html"
)
ECPS_FAQ = "https://esante.gouv.fr/foire-aux-questions/produits-services/e-cps"
REPORTED = {"fr": ("selon", "d’après"), "en": ("according to", "as reported", "reports of")}


def reported(block: str, lang: str) -> bool:
    return any(word in block.lower() for word in REPORTED[lang])


@pytest.mark.parametrize("kit_id", MOBILE_USB_KITS)
def test_every_address_the_mobile_and_usb_kits_cite_is_in_their_sources(kit_id):
    kit = next(k for k in PROJECT.kits if k.id == kit_id)
    cited = {url for _, text in kit.markdown_texts() for url in URL.findall(text)}
    assert cited and cited <= set(kit.sources), sorted(cited - set(kit.sources))


@pytest.mark.parametrize("lang, poster", [("fr", "affiche.fr.md"), ("en", "affiche.en.md")])
def test_the_secrecy_kit_links_article_l1110_4_on_legifrance(lang, poster):
    """The official section, not only a transcription: in the kit's sources and on the poster's source line."""
    kit = next(k for k in PROJECT.kits if k.id == SECRECY_KIT)
    assert L1110_4_LEGIFRANCE in kit.sources
    source_line = (kit.folder / poster).read_text(encoding="utf-8").strip().splitlines()[-1]
    assert source_line.startswith("Source") and L1110_4_LEGIFRANCE in source_line and "L.1110-4" in source_line


@pytest.mark.parametrize(
    "lang, figure, reported",
    [("fr", "15 000 €", "selon"), ("en", "€15,000", "according to")],
)
def test_the_kit_gives_the_226_13_penalty_as_reported(lang, figure, reported):
    """A medium fact (a transcription): every block that gives the fine says whose transcription it is."""
    blocks = [b for b in kit_blocks(SECRECY_KIT, lang) if figure in b]
    assert len(blocks) >= 3, "reflex sheet, quiz and article give the penalty"
    for block in blocks:
        assert reported in block.lower() and "secretpro.fr" in block, block[:160]
    assert any("226-13" in b for b in blocks)


@pytest.mark.parametrize(
    "lang, dated, reported", [("fr", "4 avril 2024", "selon egora"), ("en", "4 April 2024", "according to egora")]
)
def test_the_conseil_d_etat_decision_is_dated_and_reported(lang, dated, reported):
    blocks = [b for b in kit_blocks(SECRECY_KIT, lang) if "Conseil d" in b]
    assert blocks
    for block in blocks:
        assert dated in block and reported in block.lower() and EGORA_CONSEIL_ETAT in block, block[:160]


@pytest.mark.parametrize("lang", LANGS)
def test_the_secrecy_kit_claims_nothing_the_searches_did_not_find(lang):
    """No duty of discrétion and no Ordre guidance on staff posting from the ward: the fact sheet found none."""
    text = " ".join(kit_blocks(SECRECY_KIT, lang)).lower()
    for claim in ("discrétion", "devoir de réserve", "duty of discretion", "duty of confidentiality"):
        assert claim not in text, claim
    nurses = [b for b in kit_blocks(SECRECY_KIT, lang) if "Ordre des infirmiers" in b]
    assert nurses and all(("pas sur les photos" in b) or ("not with photos" in b) for b in nurses)


# --- kit acces-distants-teletravail: remote access and working from home -------------------------------------------

REMOTE_KIT = "acces-distants-teletravail"
IDENTIFICATION_FAQ = (
    "https://esante.gouv.fr/faq/les-delais-dapplication-des-differentes-exigences-du-referentiel-sont-trop-proches-"
    "pour-etre-entierement-tenus-que-faire-0"
)


@pytest.mark.parametrize(
    "lang, figure, reported",
    [("fr", "1 959", "selon le quotidien du médecin"), ("en", "1,959", "according to le quotidien du médecin")],
)
def test_the_2021_alerts_are_dated_and_reported(lang, figure, reported):
    blocks = [b for b in kit_blocks(REMOTE_KIT, lang) if figure in b]
    assert len(blocks) >= 2
    for block in blocks:
        assert "2021" in block and reported in block.lower() and "lequotidiendumedecin.fr" in block, block[:160]


@pytest.mark.parametrize(
    "lang, dated, reported",
    [("fr", "7 décembre 2020", "selon delsol avocats"), ("en", "7 December 2020", "according to delsol avocats")],
)
def test_the_cnil_sanction_of_two_doctors_is_reported(lang, dated, reported):
    blocks = [b for b in kit_blocks(REMOTE_KIT, lang) if "deux médecins" in b or "two doctors" in b]
    assert len(blocks) >= 3 and any(dated in b for b in blocks)
    assert all(reported in b.lower() for b in blocks), [b[:120] for b in blocks if reported not in b.lower()]


@pytest.mark.parametrize("lang", LANGS)
def test_care_remote_access_is_named_only_as_a_domain(lang):
    """No call, arrêté or date was found for CaRE « Accès distants »: the kit gives its name and nothing more."""
    blocks = [b for b in kit_blocks(REMOTE_KIT, lang) if "CaRE" in b]
    assert blocks
    for block in blocks:
        assert not re.search(r"\b20\d\d\b|appel|call|arrêté|M€|million", block), block


@pytest.mark.parametrize(
    "lang, vpn", [("fr", "VPN pour les connexions depuis l’extérieur"), ("en", "VPN for connections from outside")]
)
def test_the_vpn_rule_cites_the_identification_framework(lang, vpn):
    kit = next(k for k in PROJECT.kits if k.id == REMOTE_KIT)
    assert IDENTIFICATION_FAQ in kit.sources
    blocks = [
        b
        for b in kit_blocks(REMOTE_KIT, lang)
        if "connexions depuis l’extérieur" in b or "connections from outside" in b
    ]
    assert blocks and all(IDENTIFICATION_FAQ in b for b in blocks)
    assert any(vpn in b for b in blocks)


@pytest.mark.parametrize("lang, dated", [("fr", "7 avril 2025"), ("en", "7 April 2025")])
def test_the_anssi_ten_rules_are_worded_as_reported(lang, dated):
    """A medium fact (ANSSI's original not read): every block giving the date says it is reported, Clubic cited."""
    kit = next(k for k in PROJECT.kits if k.id == "appareils-mobiles")
    assert ANSSI_2025_CLUBIC in kit.sources
    blocks = [b for b in kit_blocks(kit.id, lang) if dated in b]
    assert len(blocks) >= 4, "poster, quiz, e-mail and article give the date"
    for block in blocks:
        assert reported(block, lang) and "ANSSI" in block, block[:160]


@pytest.mark.parametrize("lang, figure", [("fr", "17 recommandations"), ("en", "17 recommendations")])
def test_the_anssi_2025_report_is_dated_and_reported(lang, figure):
    blocks = [b for b in kit_blocks("appareils-mobiles", lang) if figure in b]
    assert blocks
    for block in blocks:
        assert reported(block, lang) and "Tom" in block and ("26 novembre 2025" in block or "26 November 2025" in block)


@pytest.mark.parametrize("lang", LANGS)
def test_juice_jacking_is_the_fbi_s_warning_as_reported(lang):
    kit = next(k for k in PROJECT.kits if k.id == "appareils-mobiles")
    assert FBI_JUICE_JACKING in kit.sources
    blocks = [b for b in kit_blocks(kit.id, lang, quiz=False) if "juice jacking" in b]
    assert len(blocks) >= 1  # the article (the quiz, from quiz.yml, cites the ANSSI)
    for block in blocks:
        assert "FBI" in block and "Denver" in block and reported(block, lang) and FBI_JUICE_JACKING in block


@pytest.mark.parametrize(
    "lang, needs",
    [
        ("fr", "celui du professionnel ou un téléphone fourni par la structure"),
        ("en", "the professional's own or one provided by the organisation"),
    ],
)
def test_the_e_cps_needs_a_phone_stated_with_the_ans_faq(lang, needs):
    """A high fact: stated as it is, with the ANS FAQ."""
    blocks = [b for b in kit_blocks("appareils-mobiles", lang, quiz=False) if needs in b]
    assert len(blocks) >= 2
    assert all(ECPS_FAQ in b for b in blocks)


@pytest.mark.parametrize("lang, gendarmerie", [("fr", "gendarmerie du Nord"), ("en", "Nord gendarmerie")])
def test_the_nord_gendarmerie_warning_is_dated_2019_and_reported(lang, gendarmerie):
    kit = next(k for k in PROJECT.kits if k.id == "cles-usb")
    assert NORD_GENDARMERIE_2019 in kit.sources
    blocks = [b for b in kit_blocks(kit.id, lang, quiz=False) if gendarmerie in b]
    assert len(blocks) >= 4, "poster, quiz, e-mail, article and posts give it"
    for block in blocks:
        assert "2019" in block and "France 3" in block, block[:160]


@pytest.mark.parametrize("lang", LANGS)
def test_the_usb_kit_claims_nothing_the_sources_do_not_give(lang):
    """The Illinois study is low confidence (left out); no source traces a health-sector ransomware to removable
    media, and no ANSSI or CNIL page on found sticks was found: the kit cites neither agency's site, and the CHU de
    Rouen's reminder is given as a reminder, reported, not as the cause of its attack."""
    kit = next(k for k in PROJECT.kits if k.id == "cles-usb")
    text = " ".join(kit_blocks(kit.id, lang))
    assert "Illinois" not in text and "297" not in text and "98 %" not in text and "98%" not in text
    assert not [s for s in kit.sources if "cnil.fr" in s or "ssi.gouv.fr" in s]
    rouen = [b for b in kit_blocks(kit.id, lang) if "Rouen" in b]
    assert rouen and all("2019" in b and "France Bleu" in b and reported(b, lang) for b in rouen)
    cause = {
        "fr": r"(clé|support)[^.]*(à l’origine|a causé|provoqué)",
        "en": r"(stick|media)[^.]*(caused|behind|origin)",
    }
    assert not re.search(cause[lang], text, re.IGNORECASE)


@pytest.mark.parametrize(
    "lang, lost, says, isolate",
    [
        (
            "fr",
            "perdu ou volé",
            ("service informatique", "tout de suite"),
            ("sans l’éteindre", "câble réseau", "Wi-Fi"),
        ),
        ("en", "lost or stolen", ("IT department", "at once"), ("without switching it off", "network cable", "Wi-Fi")),
    ],
)
def test_the_mobile_and_usb_kits_give_the_incident_page_s_instructions(lang, lost, says, isolate):
    """One instruction per reflex: a lost device is told to the IT department at once (docs/incident.md), a
    computer that may be infected is isolated without switching it off, as the incident page says."""
    assert {"fr": "Prévenez tout de suite le support informatique", "en": "Tell IT support at once"}[lang] in page(
        "incident", lang
    )
    for kit_id in MOBILE_USB_KITS:
        blocks = kit_blocks(kit_id, lang, quiz=False)
        told = [b for b in blocks if lost in b.lower() and says[0] in b]
        assert told, kit_id
        assert all(says[1] in b for b in told), (kit_id, [b[:120] for b in told if says[1] not in b])
        for block in blocks:
            if "isole" in block.lower():
                assert all(w in block for w in isolate), (kit_id, block[:160])
