"""Interface strings: every key in every language, problems named with file and line."""

from conftest import ROOT, refused
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings


def test_shipped_strings_load_in_every_language():
    strings = load_strings(ROOT / "data" / "strings.yml")
    for lang in LANGUAGES:
        texts = strings.for_language(lang)
        assert texts and all(value.strip() for value in texts.values())


def test_missing_language_and_unknown_language(tmp_path):
    text = "a:\n  fr: Bonjour\nb:\n  fr: Oui\n  en: Yes\n  de: Ja\n"
    # YAML reads an unquoted Yes as a boolean: the message says to quote it.
    assert str(refused(load_strings, tmp_path / "strings.yml", text, "data/strings.yml")).splitlines() == [
        "data/strings.yml:1: a.en: missing or empty text (add the en text)",
        "data/strings.yml:5: b.en: True is not a text (put the text in quotes)",
        "data/strings.yml:6: b.de: unknown language (use only fr, en)",
    ]


def test_language_prefixes():
    assert lang_prefix("fr") == ""
    assert lang_prefix("en") == "en/"


def test_strings_are_parsed_again_only_when_the_file_changes(tmp_path):
    file = tmp_path / "strings.yml"
    file.write_text("a:\n  fr: Un\n  en: One\n", encoding="utf-8")
    first = load_strings(file)
    assert load_strings(file) is first
    file.write_text("a:\n  fr: Deux textes\n  en: Two texts\n", encoding="utf-8")
    assert load_strings(file).get("a", "fr") == "Deux textes"
