"""Search index variants: accent folding, plurals and corpus stem classes, split per language."""

import json

from sitekit.search_terms import TEXT_FIELD, TITLE_FIELD, Stems, Variants, fold, inflections, split_index, words


def test_fold_removes_accents_and_ligatures():
    assert fold("Hameçonnage") == "hameconnage"
    assert fold("Œuvre à Épinal") == "oeuvre a epinal"


def test_words_ignore_markup_and_short_words():
    assert words("<p>L’hameçonnage <em>touche</em> 94&nbsp;% des cas</p>") == ["hameçonnage", "touche", "des", "cas"]


def test_inflections():
    assert inflections("sauvegarde", "fr") == {"sauvegardes"}
    assert inflections("hôpitaux", "fr") == {"hôpital"}
    assert inflections("national", "fr") == {"nationaux"}
    assert inflections("réseau", "fr") == {"réseaux"}
    assert inflections("avec", "fr") == set()
    assert inflections("policy", "en") == {"policies"}
    assert inflections("backup", "en") == {"backups"}


def test_variants_cover_accents_plurals_and_stems():
    variants = Variants("fr", ["Sauvegarder ses données", "La sauvegarde est testée"])
    extra = set(variants.extra_terms("<p>Une sauvegarde contre l’hameçonnage</p>").split())
    assert {"sauvegardes", "hameconnage", "sauvegarder"} <= extra
    assert "sauvegarde" not in extra  # already in the text, lunr indexes it


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
    assert indexes["fr"]["docs"][0][TITLE_FIELD] == "accueils"


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
    stored = split_index(json.loads(json.dumps(merged)), ("fr", "en"), "fr", tmp_path)
    assert len(list(tmp_path.glob("stems-*.json"))) == 2
    assert split_index(json.loads(json.dumps(merged)), ("fr", "en"), "fr", tmp_path) == stored == plain
