"""The message catalogue (src/sitekit/i18n/messages.yml): every message the code writes has its French text, the
French texts keep the values and the typography, and reports are French by default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit.core.problems import Level, Problem, format_problems
from sitekit.core.yamlfile import load_yaml
from sitekit.i18n import messages
from sitekit.i18n.messages import Catalogue, catalogue, fill, fixes_of, message_language, placeholders
from support.message_sources import ROOT, written_templates

NBSP = "\u00a0\u202f"


def _norm(template: str) -> str:
    return re.sub(r"\{\w*\}", "{}", template)


def _texts(lang: str) -> list[tuple[str, str]]:
    """(entry id, text) of every message and fix of the catalogue in `lang`."""
    out = []
    for entry_id, entry in catalogue().entries.items():
        out.append((entry_id, entry[lang]))
        out += [(entry_id, fix[lang]) for fix in fixes_of(entry)]
    return out


def test_every_message_the_code_writes_has_its_entry():
    known = {_norm(text) for _, text in _texts("en")} | set(catalogue().fields)
    known |= {text[2:] for text in known if text.startswith("{}")}  # a hint first ("did you mean x? ") or nothing
    missing = sorted(
        {f"{w.path}:{w.line}: {w.template!r}" for w in written_templates() if _norm(w.template) not in known}
    )
    assert not missing, (
        "messages without an entry in src/sitekit/i18n/messages.yml (add each with its French text):\n"
        + "\n".join(missing)
    )


def test_the_scanner_finds_the_messages_of_every_kind_of_call():
    found = {w.template for w in written_templates()}
    assert "a post needs a description" in found  # Problem(...)
    assert "{} is not a date" in found  # problem(...) in a schema check
    assert "the project data is invalid:\n{}" in found  # PluginError in the plugin
    assert "straight apostrophe '" in found  # (message, fix) pairs of the typography check
    assert "expected one value per language" in found  # return message, fix
    assert (
        "the calendar may be wrong: check the sources, then update the entry and set last_checked to that day" in found
    )  # a FIX_ constant


def test_catalogue_has_no_duplicate_id_and_every_entry_is_complete():
    doc = load_yaml(messages.CATALOGUE, "src/sitekit/i18n/messages.yml")  # refuses duplicate keys
    entries = doc.data["messages"]
    sections = doc.data["sections"]
    for entry_id, entry in entries.items():
        assert entry_id.split(".", 1)[0] in sections, f"{entry_id}: no section for its prefix"
        assert set(entry) <= {"en", "fr", "fix", "nested", "fragment"}, entry_id
        for texts in [entry, *fixes_of(entry)]:
            assert texts["en"].strip() and texts["fr"].strip(), entry_id
            assert set(placeholders(texts["fr"])) <= set(placeholders(texts["en"])), (
                f"{entry_id}: the French text uses a {{name}} the English one does not fill in"
            )
        written = [name for texts in [entry, *fixes_of(entry)] for name in placeholders(texts["en"])]
        for name in entry.get("nested", ()):
            assert name in written, f"{entry_id}: nested {name} is not a placeholder"
        assert placeholders(entry["en"]) != [] or "{" not in entry["en"].replace("{{", "").replace("}}", "")


def test_french_texts_follow_french_typography():
    for entry_id, text in _texts("fr"):
        plain = re.sub(r"`[^`]*`|<[^>]*>|https?://\S+|\{\{.*?\}\}|[\w.-]+:[\w\"“]", "", text)
        assert not re.search(r" [:;!?»]", plain), f"{entry_id}: ordinary space before a sign in {text!r}"
        assert not re.search(r"«(?![" + NBSP + "]|$)", plain), f"{entry_id}: no non-breaking space after « in {text!r}"
        assert "'" not in re.sub(r"'[^']*'|\"[^\"]*\"|apostrophe droite '", "", plain), (
            f"{entry_id}: straight apostrophe in {text!r}"
        )


def test_each_english_template_is_recognised_as_itself():
    """Filled with sample values, each message finds its own entry (the most specific template wins)."""
    cat = catalogue()
    for entry_id, entry in cat.entries.items():
        for texts in [entry, *fixes_of(entry)]:
            sample = fill(texts["en"], {name: f"<{name}>" for name in placeholders(texts["en"])})
            found = cat.find(sample, inside=bool(entry.get("fragment")))
            assert found is not None, f"{entry_id}: {sample!r} is not recognised"
            assert found[0].texts["en"] == texts["en"] or _norm(found[0].texts["en"]) == _norm(texts["en"]), (
                f"{entry_id}: {sample!r} is read as {found[0].id}"
            )


def test_a_problem_is_translated_with_its_values_and_its_fix():
    problem = Problem(
        "docs/actualites/billets/2027-10-06-mots-de-passe.md",
        3,
        "description",
        "a post needs a description",
        "add description: one sentence shown in the news list, the feed and search results",
    )
    assert str(problem.localized("fr")) == (
        "docs/actualites/billets/2027-10-06-mots-de-passe.md:3: description: un billet doit avoir une description "
        "(ajoutez la ligne description: avec une phrase, reprise dans la liste des actualités, le fil Atom et la "
        "recherche)"
    )
    assert problem.localized("en") == problem


def test_values_and_nested_messages_are_translated():
    cat = catalogue()
    assert cat.translate("'2025-13-01' is not a date", "fr") == "'2025-13-01' n’est pas une date"
    assert (
        cat.translate("call 'd2' closes in 5 days (2025-10-25)", "fr") == "l’appel 'd2' ferme dans 5 jours (2025-10-25)"
    )
    assert cat.translate("call 'd2' closes tomorrow (2025-10-21)", "fr") == "l’appel 'd2' ferme demain (2025-10-21)"
    assert cat.translate("scheduled for 2026-12-14: a post needs a description", "fr") == (
        "programmé pour le 2026-12-14\u00a0: un billet doit avoir une description"
    )
    assert cat.translate("did you mean title? known keys: title, date", "fr") == (
        "vouliez-vous dire title\u00a0? clés connues\u00a0: title, date"
    )
    assert cat.translate("an English text the catalogue does not know", "fr") == (
        "an English text the catalogue does not know"
    )


def test_fields_written_in_words_are_translated_and_key_paths_kept():
    warning = Problem("docs/x.md", 4, "typography", "straight apostrophe '", "use the typographic apostrophe ’")
    assert warning.localized("fr").field == "typographie"
    data = Problem("data/calls.yml", 9, "calls.closes", "empty text", "")
    assert data.localized("fr").field == "calls.closes"  # no list item: the keys as written


def test_reports_are_french_unless_english_is_asked(monkeypatch):
    problems = [Problem("data/calls.yml", 3, "", "duplicate key", "keep one of the two values", Level.ERROR)]
    monkeypatch.delenv("SITEKIT_LANG", raising=False)
    assert message_language() == "fr"
    assert format_problems(problems) == "data/calls.yml:3: clé en double (gardez une seule des deux valeurs)"
    monkeypatch.setenv("SITEKIT_LANG", "en")
    assert format_problems(problems) == "data/calls.yml:3: duplicate key (keep one of the two values)"
    assert message_language("fr") == "fr"  # --lang wins over the environment
    monkeypatch.setenv("SITEKIT_LANG", "de")
    with pytest.raises(messages.MessageLanguageError, match="SITEKIT_LANG: 'de' is not a language of messages"):
        message_language()
    assert format_problems(problems).endswith("(gardez une seule des deux valeurs)")  # never a traceback


def test_rows_list_every_message_but_fragments(tmp_path: Path):
    cat = Catalogue(
        {
            "sections": {"x": {"fr": "X", "en": "X"}},
            "messages": {
                "x.one": {"en": "a {n}", "fr": "un {n}", "fix": {"en": "do", "fr": "faites"}},
                "x.part": {"en": "part", "fr": "partie", "fragment": True},
            },
        }
    )
    assert [(r.id, r.message, r.fixes) for r in cat.rows("fr")] == [("x.one", "un {n}", ("faites",))]


def test_the_catalogue_is_shipped_with_the_package():
    assert messages.CATALOGUE == ROOT / "src" / "sitekit" / "i18n" / "messages.yml"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"i18n/messages.yml"' in pyproject


def test_literal_braces_are_written_once():
    cat = catalogue()
    assert cat.translate("expected {fr: ..., en: ...}", "fr") == "{fr: …, en: …} était attendu"
    fix = cat.translate(
        "confirm the closing day from a source and write it in closes; or, if a source says the call is over (or "
        "nothing more can be found), add override: {status: archive, reason: {fr: ..., en: ...}} saying so, "
        "with that source in sources",
        "fr",
    )
    assert "override: {status: archive, reason: {fr: ..., en: ...}}" in fix


def test_the_pages_and_files_messages_point_to_exist():
    """A message that sends the author to a guide page or a template names one that is there."""
    text = (ROOT / "src" / "sitekit" / "i18n" / "messages.yml").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:docs|templates|examples)/[\w./-]+\.(?:md|yml))\b", text))
    assert named, "the scanner found no path"
    assert sorted(p for p in named if "<" not in p and not (ROOT / p).is_file()) == []


def test_positions_in_a_data_file_are_counted_as_people_count():
    problem = Problem(
        "data/campaigns/2028.yml", 41, "weeks[1].items[1].date", "'7 octobre' is not a date", "", Level.ERROR
    )
    assert str(problem.localized("fr")) == (
        "data/campaigns/2028.yml:41: semaine 2, action 2, date: '7 octobre' n’est pas une date"
    )
    assert problem.localized("en").field == "weeks[1].items[1].date"  # as the code writes it
    cat = catalogue()
    assert cat.field("calls[0].sources[1]", "fr") == "appel 1, source 2"
    assert cat.field("entries[1].fr[0]", "fr") == "entrée 2, fr, valeur\u00a01"
    assert cat.field("criteria[2].calls[0]", "fr") == "critère 3, appel 1"
    assert cat.field("front matter", "fr") == "en-tête"  # a field written in words
