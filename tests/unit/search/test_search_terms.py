"""Search index variants: accent folding, plurals, corpus stem classes and the vocabulary's equivalents, split per
language, with the pages' boosts."""

import json

from sitekit.search.terms import (
    MAX_PHRASE_WORDS,
    PAGE_BOOSTS,
    PHRASE_MARK,
    TEXT_FIELD,
    TITLE_FIELD,
    Matcher,
    Stems,
    Variants,
    answer_words,
    compounds,
    fold,
    inflections,
    split_index,
    tokens,
    words,
)


def merged_index(*docs: tuple[str, str, str], languages: tuple[str, ...] = ("fr", "en")) -> dict:
    """A search index as the i18n plugin merges the languages' indexes: each doc as (location, title, text)."""
    entries = [{"location": location, "title": title, "text": text} for location, title, text in docs]
    return {"config": {"lang": list(languages), "fields": {}}, "docs": entries}


def test_fold_removes_accents_and_ligatures():
    assert fold("Hameçonnage") == "hameconnage"
    assert fold("Œuvre à Épinal") == "oeuvre a epinal"


def test_words_ignore_markup_and_short_words():
    assert words("<p>L’hameçonnage <em>touche</em> 94&nbsp;% des cas</p>") == ["hameçonnage", "touche", "des", "cas"]


def test_inflections_are_the_plurals_one_typing_mistake_away_does_not_reach():
    assert inflections("hôpitaux", "fr") == {"hôpital"}
    assert inflections("national", "fr") == {"nationaux"}
    assert inflections("policy", "en") == {"policies"}
    assert inflections("patch", "en") == {"patches"}
    # One letter more: the search worker's tolerance finds them, the index does not store them.
    assert inflections("sauvegarde", "fr") == set()
    assert inflections("réseau", "fr") == set()
    assert inflections("backup", "en") == set()
    assert inflections("calls", "en") == set()
    assert inflections("avec", "fr") == set()


def test_variants_cover_accents_plurals_and_stems():
    variants = Variants("fr", ["Sauvegarder ses données", "La sauvegarde est testée"])
    extra = set(variants.extra_terms("<p>Une sauvegarde contre l’hameçonnage</p>").split())
    assert {"hameconnage", "sauvegarder"} <= extra
    assert "sauvegarde" not in extra  # already in the text, lunr indexes it
    assert "sauvegardes" not in extra  # one letter more: found by the search worker's tolerance


def test_split_index_per_language():
    merged = {
        "config": {"lang": ["fr", "en"], "fields": {"title": {"boost": 1000.0}}},
        "docs": [
            {"location": "index.html", "title": "Accueil", "text": "<p>Hameçonnage</p>"},
            {"location": "en/index.html", "title": "Home", "text": "<p>Phishing</p>"},
            {"location": "en/page.html#a", "title": "Part", "text": "<p>Backups</p>"},
        ],
    }
    indexes = split_index(merged, ("fr", "en"), "fr")
    assert [d["location"] for d in indexes["fr"]["docs"]] == ["index.html"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["index.html", "page.html#a"]
    assert indexes["fr"]["config"]["lang"] == ["fr"]
    assert indexes["en"]["config"]["lang"] == ["en"]
    assert indexes["fr"]["config"]["fields"][TEXT_FIELD] == {"boost": 1.0}
    assert "hameconnage" in indexes["fr"]["docs"][0][TEXT_FIELD].split()
    assert indexes["fr"]["docs"][0][TITLE_FIELD] == ""


FRENCH = [
    ["hameçonnage", "phishing", "arnaque"],
    ["logiciel malveillant", "virus"],
    ["authentification multifacteur", "double authentification", "MFA", "2FA"],
    ["pièce jointe", "PJ"],
]


def matcher(groups=FRENCH, lang="fr"):
    return Matcher(groups, Variants(lang, ()).stem)


def test_tokens_keep_short_words_and_digits_in_order():
    assert tokens("<p>L’authentification à 2&nbsp;facteurs (2FA)</p>") == [
        "l",
        "authentification",
        "à",
        "2",
        "facteurs",
        "2fa",
    ]


def test_matcher_finds_phrases_whatever_accents_capitals_and_endings():
    found = matcher().equivalents(tokens("<p>Deux LOGICIELS MALVEILLANTS et un hameconnage</p>"))
    assert {"virus", "phishing", "arnaque"} <= found
    assert {"logiciels", "malveillants", "hameconnage"}.isdisjoint(found)  # already in the text


def test_matcher_needs_the_whole_phrase_in_order():
    assert matcher().equivalents(tokens("un logiciel vraiment malveillant")) == set()
    assert matcher().equivalents(tokens("malveillant logiciel")) == set()


def test_matcher_gives_acronyms_and_expansions_with_and_without_accents():
    assert matcher().equivalents(tokens("Activez la MFA")) == {
        "authentification",
        "multifacteur",
        "double",
        "2fa",
    }
    assert matcher().equivalents(tokens("une PJ")) == {"pièce", "piece", "jointe"}  # « à » of phrases left out


def test_matcher_matches_short_words_only_exactly():
    # « mfas » is not « mfa »: acronyms are not stemmed, so a longer word never passes for one.
    assert matcher().equivalents(tokens("les mfas")) == set()


def test_split_index_adds_equivalents_to_the_hidden_fields_only():
    merged = merged_index(
        ("p.html", "Hameçonnage", "<p>Un virus</p>"),
        ("en/p.html", "Phishing", "<p>A virus</p>"),
    )
    indexes = split_index(merged, ("fr", "en"), "fr", {"fr": FRENCH, "en": [["phishing", "scam"]]})
    fr, en = indexes["fr"]["docs"][0], indexes["en"]["docs"][0]
    assert (fr["title"], fr["text"]) == ("Hameçonnage", "<p>Un virus</p>")
    assert {"phishing", "arnaque", "hameconnage"} <= set(fr[TITLE_FIELD].split())
    assert {"logiciel", "malveillant"} <= set(fr[TEXT_FIELD].split())
    assert "phishing" not in fr[TEXT_FIELD].split()
    assert en[TITLE_FIELD].split() == ["scam"]
    assert "logiciel" not in en[TEXT_FIELD]  # each language has its own vocabulary


def test_split_index_gives_a_page_entry_the_words_of_its_other_titles():
    merged = merged_index(
        ("index.html", "Cybersécurité en santé", ""),
        ("index.html#a", "Section", "<p>Texte.</p>"),
        languages=("fr",),
    )
    titles = {"index.html": ["Accueil", "Santé"], "index.html#a": ["Ailleurs"]}
    page, section = split_index(merged, ("fr",), "fr", titles=titles)["fr"]["docs"]
    assert page[TITLE_FIELD].split() == ["accueil", "cybersecurite", "sante"]
    assert "ailleurs" not in section[TITLE_FIELD]


def test_news_posts_and_criterion_pages_rank_after_reference_pages():
    merged = merged_index(
        ("incident.html", "Incident", ""),
        ("actualites/billets/2025-10-13-x.html", "Incident", ""),
        ("en/actualites/billets/2025-10-13-x.html#y", "Incident", "<p>Text.</p>"),
        ("certification/criteres/c.html", "Critère", ""),
    )
    indexes = split_index(merged, ("fr", "en"), "fr")
    boosts = {d["location"]: d.get("boost") for lang in indexes for d in indexes[lang]["docs"]}
    assert boosts["incident.html"] is None
    assert boosts["actualites/billets/2025-10-13-x.html"] == boosts["actualites/billets/2025-10-13-x.html#y"]
    assert boosts["actualites/billets/2025-10-13-x.html"] < 1
    assert boosts["certification/criteres/c.html"] < 1
    assert set(PAGE_BOOSTS.values()) == {
        boosts["actualites/billets/2025-10-13-x.html"],
        boosts["certification/criteres/c.html"],
    }


def test_a_page_that_answers_a_subject_has_its_words_and_phrases_as_title_words():
    assert answer_words(["Rançon", "écran de rançon", "call IT", "on-call number", "mot de passe vu"]) == {
        "rançon",
        "rancon",
        "_ecranderancon",
        "_ecranrancon",  # the words of one or two letters inside a phrase left out too
        "_callit",  # the last word kept, however short
        "_oncallnumber",  # the first too
        "_motdepassevu",
        "_motpassevu",
    }
    assert PHRASE_MARK == "_" and MAX_PHRASE_WORDS >= 4


def test_split_index_gives_the_answer_words_to_the_page_entry_of_each_language_only():
    merged = merged_index(
        ("incident.html", "En cas d’incident", "<p>Un écran qui réclame une rançon.</p>"),
        ("incident.html#a", "La première heure", "<p>Une rançon.</p>"),
        ("en/incident.html", "In case of an incident", "<p>A ransom.</p>"),
        ("bonnes-pratiques.html", "Rançongiciels", "<p>Une rançon.</p>"),
    )
    answers = {"incident.html": ["écran de rançon", "rançon"], "en/incident.html": ["who to call", "ransom"]}
    indexes = split_index(merged, ("fr", "en"), "fr", answers=answers)
    title = {d["location"]: d[TITLE_FIELD].split() for d in indexes["fr"]["docs"]}
    assert {"_ecranderancon", "_ecranrancon", "rancon", "rançon"} <= set(title["incident.html"])
    assert {"_whotocall", "_whocall", "ransom"} <= set(indexes["en"]["docs"][0][TITLE_FIELD].split())
    assert "_ecranrancon" not in indexes["en"]["docs"][0][TITLE_FIELD]  # each language its own entries
    assert not [word for word in title["incident.html#a"] + title["bonnes-pratiques.html"] if word[0] == "_"]
    assert "rancon" not in title["bonnes-pratiques.html"]  # nor their words: only the page that answers
    assert indexes["fr"]["docs"][0]["title"] == "En cas d’incident"  # the title shown is the page's own


def test_hyphenated_words_are_also_indexed_as_one():
    assert compounds("<p>Le médico-social, l’e-mail et SHA-256</p>") == {"médicosocial", "medicosocial", "email"}
    merged = merged_index(("p.html", "", "Wi-Fi"), languages=("fr",))
    assert split_index(merged, ("fr",), "fr")["fr"]["docs"][0][TEXT_FIELD].split() == ["wifi"]


def test_stems_are_kept_between_builds(tmp_path):
    first = Stems("fr", tmp_path)
    assert first("sauvegardes") == first("sauvegarde") == "sauvegard" and first.added == 2
    first.save()
    again = Stems("fr", tmp_path)  # another build: only the folder is shared
    assert again("sauvegardes") == "sauvegard" and again.added == 0
    assert again._stemmer is None  # the stemmer was not even loaded
    assert again("hameconnage") == Stems("fr")("hameconnage") and again.added == 1


def test_an_unreadable_stems_file_is_made_again(tmp_path):
    Stems("fr", tmp_path).path.write_text("[1, 2", encoding="utf-8")
    stems = Stems("fr", tmp_path)
    assert stems("sauvegardes") == "sauvegard" and stems.added == 1
    stems.save()
    assert Stems("fr", tmp_path).table == {"sauvegardes": "sauvegard"}


def test_split_index_is_the_same_with_stored_stems(tmp_path):
    merged = {
        "config": {"lang": ["fr", "en"]},
        "docs": [
            {"location": "index.html", "title": "Sauvegardes", "text": "<p>Sauvegarder les données, hameçonnage</p>"},
            {"location": "en/index.html", "title": "Backups", "text": "<p>Backing up policies</p>"},
        ],
    }
    plain = split_index(json.loads(json.dumps(merged)), ("fr", "en"), "fr")
    stored = split_index(json.loads(json.dumps(merged)), ("fr", "en"), "fr", stems_folder=tmp_path)
    assert len(list(tmp_path.glob("stems-*.json"))) == 2
    assert split_index(json.loads(json.dumps(merged)), ("fr", "en"), "fr", stems_folder=tmp_path) == stored == plain


def test_a_section_that_is_only_its_heading_is_left_out_of_the_index():
    """The headings of the guide's table of messages (its content left out of search) would rank, as titles,
    before the pages that answer « lien »; the page keeps its entry, and a section with text stays."""
    merged = {
        "docs": [
            {"location": "guide/messages.html", "title": "Messages", "text": "<p>Les messages.</p>"},
            {"location": "guide/messages.html#liens", "title": "Liens", "text": " "},
            {"location": "guide/messages.html#pages", "title": "Pages", "text": "<p></p>"},
            {"location": "incident.html#lien", "title": "Un lien", "text": "<p>Un lien piégé.</p>"},
        ],
    }
    indexes = split_index(merged, ("fr", "en"), "fr")
    assert [d["location"] for d in indexes["fr"]["docs"]] == ["guide/messages.html", "incident.html#lien"]


def test_words_of_two_senses_keep_their_own_stem():
    """« appeler » (to phone) and « appels » (funding calls) share Snowball's stem; words.yml keeps them apart."""
    variants = Variants("fr", ["appel appels appeler appelez"])
    assert "appeler" not in variants.extra_terms("Les appels à financement").split()
    assert variants.extra_terms("appeler").split() == ["appelez"]
