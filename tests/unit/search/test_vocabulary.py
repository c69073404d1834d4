"""The vocabulary of the field (data/vocabulary.yml): what it holds, the loader's rules and its problems."""

from __future__ import annotations

import os
import time

import pytest
from mkdocs.exceptions import PluginError

from conftest import FROZEN_TODAY, ROOT, FeatureUnderTest, mkdocs_config
from sitekit.checks import cli as validate
from sitekit.core.problems import ProblemsError
from sitekit.project import load_project
from sitekit.search.vocabulary import VOCABULARY, corpus_files, corpus_texts, load_vocabulary


def entry_of(vocabulary, lang: str, term: str) -> set[str]:
    """The words and phrases of the entry holding `term` in `lang` (lower case)."""
    for group in vocabulary.groups(lang):
        if term.lower() in (t.lower() for t in group):
            return {t.lower() for t in group}
    raise AssertionError(f"{term!r} is in no {lang} entry")


def test_the_vocabulary_loads_with_the_project_and_covers_the_issue():
    vocabulary = load_project(ROOT).require().vocabulary
    for words in (
        ("hameçonnage", "phishing"),
        ("rançongiciel", "ransomware"),
        ("courriel", "mail"),
        ("logiciel malveillant", "virus"),
        ("authentification multifacteur", "mfa", "2fa"),
        ("pca", "plan de continuité d’activité"),
        ("pra", "plan de reprise d’activité"),
        ("ehpad", "esms", "médico-social"),
    ):
        assert set(words) <= entry_of(vocabulary, "fr", words[0]), words
    for acronym in ("RSSI", "DPO", "ARS", "GHT", "CERT"):
        assert len(entry_of(vocabulary, "fr", acronym)) > 1
    assert "arnaque" in entry_of(vocabulary, "fr", "hameçonnage")
    assert {"nursing home", "ehpad"} <= entry_of(vocabulary, "en", "medico-social")
    assert {"ciso", "rssi"} <= entry_of(vocabulary, "en", "information security officer")


def write(tmp_path, text: str):
    path = tmp_path / "vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path, pages=None) -> list[str]:
    with pytest.raises(ProblemsError) as exc:
        load_vocabulary(path, VOCABULARY, pages)
    return str(exc.value).splitlines()


def test_a_word_repeated_in_a_language_is_reported_where_it_is_repeated(tmp_path):
    path = write(
        tmp_path,
        "entries:\n  - fr: [sauvegarde, backup]\n    en: [backup, save]\n  - fr: [copie, Sauvegardes]\n",
    )
    assert problems_of(path) == [
        "data/vocabulary.yml:4: entries[1].fr[1]: « Sauvegardes » is already in the vocabulary at line 2 "
        "(« sauvegarde ») (keep it in one entry: merge the two entries if they are one subject, or remove one)"
    ]


def test_the_same_word_in_two_languages_is_no_repeat(tmp_path):
    path = write(tmp_path, "entries:\n  - fr: [phishing, hameçonnage]\n    en: [phishing, scam]\n")
    assert [len(g) for g in load_vocabulary(path).groups("en")] == [2]


def test_an_entry_none_of_whose_words_is_on_the_pages_is_reported(tmp_path):
    path = write(
        tmp_path,
        "entries:\n  - fr: [hameçonnage, phishing]\n    en: [phishing, scam]\n  - fr: [télétravail, VPN]\n",
    )
    pages = {"fr": "Les logiciels de hameconnage", "en": "A page about backups"}
    assert problems_of(path, pages) == [
        "data/vocabulary.yml:3: entries[0].en: none of these words is on the English pages "
        "(check their spelling, add a word the pages use, or remove the entry)",
        "data/vocabulary.yml:4: entries[1].fr: none of these words is on the French pages "
        "(check their spelling, add a word the pages use, or remove the entry)",
    ]
    assert load_vocabulary(path, VOCABULARY, {"fr": "Hameçonnage et VPN", "en": "Scams"}).groups("fr")


def test_shape_problems_are_all_reported_with_their_lines(tmp_path):
    path = write(
        tmp_path,
        "entries:\n"
        "  - fr: [virus]\n"
        "  - {}\n"
        "  - fr: [mot de passe, '…']\n"
        "  - de: [Passwort, Kennwort]\n"
        "  - just a string\n"
        "synonyms: []\n",
    )
    assert problems_of(path) == [
        "data/vocabulary.yml:2: entries[0].fr: « virus » alone: nothing to find it by "
        "(add the words readers type for the same subject, or remove the list)",
        "data/vocabulary.yml:3: entries[1]: no words (write fr: [...] or en: [...] (or both))",
        "data/vocabulary.yml:4: entries[2].fr[1]: '…' has no letter or digit (write a word or a phrase)",
        "data/vocabulary.yml:5: entries[3].de: unknown key (known keys: fr, en, page)",
        "data/vocabulary.yml:6: entries[4]: expected a mapping of keys (fr:, en:) "
        "(write the entry's keys indented under its - line)",
        "data/vocabulary.yml:7: synonyms: unknown key (keep only entries: at the top level)",
    ]


def test_an_entry_names_the_page_that_answers_it_in_each_language(tmp_path):
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    for name in ("incident.md", "incident.en.md", "guide/index.md", "guide/index.en.md"):
        (docs / name).write_text("# Page", encoding="utf-8")
    path = write(
        tmp_path,
        "entries:\n"
        "  - fr: [qui appeler, numéro de garde]\n"
        "    en: [who to call, call IT]\n"
        "    page: incident.md\n"
        "  - fr: [rançon, écran de rançon]\n"
        "    page: incident.md\n"
        "  - fr: [publier, mettre en ligne]\n"
        "    en: [publish, put online]\n"
        "    page: guide/index.md\n",
    )
    answers = load_vocabulary(path, VOCABULARY, docs=docs).answers()
    assert answers == {
        "incident.html": ("qui appeler", "numéro de garde", "rançon", "écran de rançon"),
        "en/incident.html": ("who to call", "call IT"),
        "guide/index.html": ("publier", "mettre en ligne"),
        "en/guide/index.html": ("publish", "put online"),
    }


def test_a_page_the_entry_cannot_point_at_is_reported_with_its_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "appels" / "fiches").mkdir(parents=True)
    for name in ("incident.md", "incident.en.md", "seul.md", "appels/fiches/d1.md", "appels/fiches/d1.en.md"):
        (docs / name).write_text("# Page", encoding="utf-8")
    path = write(
        tmp_path,
        "entries:\n"
        "  - fr: [qui appeler, numéro de garde]\n"
        "    page: incidents.md\n"
        "  - fr: [rançon, écran de rançon]\n"
        "    page: incident.en.md\n"
        "  - fr: [publier, mettre en ligne]\n"
        "    en: [publish, put online]\n"
        "    page: seul.md\n"
        "  - fr: [appel, guichet]\n"
        "    page: appels/fiches/d1.md\n"
        "  - fr: [compte piraté, un compte que quelqu’un d’autre que moi a ouvert hier]\n"
        "    page: incident.md\n"
        "  - fr: [lien piégé, lien douteux]\n"
        "    page: [incident.md]\n",
    )
    with pytest.raises(ProblemsError) as exc:
        load_vocabulary(path, VOCABULARY, docs=docs)
    assert str(exc.value).splitlines() == [
        "data/vocabulary.yml:3: entries[0].page: no page docs/incidents.md "
        "(write the path of a hand-written page under docs/, as incident.md, or of a kit's page, as "
        "kits/fiches/hameconnage.md)",
        "data/vocabulary.yml:5: entries[1].page: « incident.en.md » is the English page "
        "(name the French page, incident.md: the other languages' pages are found beside it)",
        "data/vocabulary.yml:8: entries[2].page: no English page docs/seul.en.md "
        "(translate the page as docs/seul.en.md, or remove the entry's en: words)",
        "data/vocabulary.yml:10: entries[3].page: no page docs/appels/fiches/d1.md "
        "(write the path of a hand-written page under docs/, as incident.md, or of a kit's page, as "
        "kits/fiches/hameconnage.md)",
        "data/vocabulary.yml:11: entries[4].fr[1]: « un compte que quelqu’un d’autre que moi a ouvert hier » has "
        "more than 8 words: search looks its page up by phrases of 8 words at most "
        "(shorten it to the words a reader types)",
        "data/vocabulary.yml:14: entries[5].page: expected text, got list (write it as text (in quotes if needed))",
    ]


def test_a_kit_page_answers_a_subject_when_the_kit_exists(tmp_path):
    """Kit pages are generated in every language from kits/<id>/kit.yml: an entry may point at one whose kit
    folder exists, not at a kit that does not."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "kits" / "fraudes").mkdir(parents=True)
    (tmp_path / "kits" / "fraudes" / "kit.yml").write_text("id: fraudes\n", encoding="utf-8")
    path = write(
        tmp_path,
        "entries:\n"
        "  - fr: [faux RIB, changement de RIB]\n"
        "    en: [fake bank details, CEO fraud]\n"
        "    page: kits/fiches/fraudes.md\n"
        "  - fr: [clé trouvée, clé USB trouvée]\n"
        "    page: kits/fiches/cles-usb.md\n",
    )
    with pytest.raises(ProblemsError) as exc:
        load_vocabulary(path, VOCABULARY, docs=docs)
    assert str(exc.value).splitlines() == [
        "data/vocabulary.yml:6: entries[1].page: no page docs/kits/fiches/cles-usb.md "
        "(write the path of a hand-written page under docs/, as incident.md, or of a kit's page, as "
        "kits/fiches/hameconnage.md)",
    ]
    path.write_text(path.read_text(encoding="utf-8").split("  - fr: [clé trouvée")[0], encoding="utf-8")
    assert load_vocabulary(path, VOCABULARY, docs=docs).answers() == {
        "kits/fiches/fraudes.html": ("faux RIB", "changement de RIB"),
        "en/kits/fiches/fraudes.html": ("fake bank details", "CEO fraud"),
    }


def test_the_project_points_the_incident_intents_at_the_incident_page():
    vocabulary = load_project(ROOT).require().vocabulary
    answers = vocabulary.answers()
    for term in ("qui appeler", "écran de rançon", "téléphone perdu", "violation de données", "compte piraté"):
        assert term in answers["incident.html"], term
    for term in ("who to call", "ransom screen", "lost phone", "data breach", "hacked account"):
        assert term in answers["en/incident.html"], term
    assert "appel à financement" not in answers["incident.html"]


def test_the_project_loader_checks_the_pages_entries_point_at(project):
    vocabulary = project / VOCABULARY
    text = vocabulary.read_text(encoding="utf-8") + "  - fr: [post-it, pense-bête]\n    page: pense-bete.md\n"
    vocabulary.write_text(text, encoding="utf-8")
    problems = [p for p in load_project(project).problems if p.path == VOCABULARY]
    assert [(p.line, p.field, p.message) for p in problems] == [
        (
            len(text.splitlines()),
            f"entries[{len(load_vocabulary(ROOT / VOCABULARY).entries)}].page",
            "no page docs/pense-bete.md",
        )
    ]


def test_no_vocabulary_file_means_no_equivalents(tmp_path):
    assert load_vocabulary(tmp_path / "absent.yml").entries == ()


def test_the_pages_searched_for_its_words_are_the_hand_written_ones_and_the_data(project):
    (project / "docs" / "kits" / "fiches").mkdir(exist_ok=True)
    (project / "docs" / "kits" / "fiches" / "genere.md").write_text("généré", encoding="utf-8")
    (project / "docs" / "campagnes" / "2031.md").write_text("généré", encoding="utf-8")
    shown = {path.relative_to(project).as_posix() for path in corpus_files(project)}
    assert {"docs/index.md", "docs/index.en.md", "data/calls.yml", "kits/hameconnage/kit.yml"} <= shown
    assert {"docs/kits/fiches/genere.md", "docs/campagnes/2031.md", VOCABULARY}.isdisjoint(shown)
    texts = corpus_texts(project)
    french, english = (project / "docs" / name for name in ("bonnes-pratiques.md", "bonnes-pratiques.en.md"))
    assert french.read_text(encoding="utf-8") in texts["fr"] and french.read_text(encoding="utf-8") not in texts["en"]
    assert english.read_text(encoding="utf-8") in texts["en"] and english.read_text(encoding="utf-8") not in texts["fr"]
    calls = (project / "data" / "calls.yml").read_text(encoding="utf-8")
    assert calls in texts["fr"] and calls in texts["en"]  # data holds both languages


def test_a_page_not_in_utf8_leaves_its_language_unchecked_rather_than_blaming_the_vocabulary(project):
    """An old editor's Latin-1 page: its words cannot be read, so the French pages' text is incomplete; the
    vocabulary is not checked against it (the page's loader names the page) and English still is."""
    page = project / "docs" / "incident.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    texts = corpus_texts(project)
    assert "fr" not in texts and "en" in texts
    assert not [p for p in load_project(project).problems if p.path == VOCABULARY]


def test_a_page_edit_that_leaves_an_entry_unused_is_reported(project):
    vocabulary = project / VOCABULARY
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "  - fr: [post-it, pense-bête]\n", encoding="utf-8")
    assert load_project(project).problems == ()  # « post-it » is on docs/bonnes-pratiques.md
    page = project / "docs" / "bonnes-pratiques.md"
    page.write_text(page.read_text(encoding="utf-8").replace("post-it", "papier"), encoding="utf-8")
    later = time.time() + 5
    os.utime(page, (later, later))  # a new modification time, whatever the file system's resolution
    problems = load_project(project).problems
    assert [p.message for p in problems] == ["none of these words is on the French pages"]
    assert problems[0].line == len(vocabulary.read_text(encoding="utf-8").splitlines())


def test_a_page_edit_checks_the_vocabulary_again_and_keeps_the_data(project):
    """A hand-written page saved (`mkdocs serve`): the vocabulary is checked against the pages again, the data
    files are not parsed again, and the project is the one a fresh load gives."""
    from sitekit import project as loader

    vocabulary = project / VOCABULARY
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "  - fr: [post-it, pense-bête]\n", encoding="utf-8")
    before = load_project(project)
    page = project / "docs" / "bonnes-pratiques.md"
    page.write_text(page.read_text(encoding="utf-8").replace("post-it", "papier"), encoding="utf-8")
    later = time.time() + 5
    os.utime(page, (later, later))
    after = load_project(project)
    assert after.calls is before.calls and after.kits is before.kits and after.strings is before.strings
    assert after.problems != before.problems
    loader._cache.clear()
    fresh = load_project(project)
    assert (after.problems, after.failed, after.vocabulary) == (fresh.problems, fresh.failed, fresh.vocabulary)


def break_vocabulary(project) -> tuple[str, str]:
    """Repeat a word of the project's vocabulary in a new entry; where the problem is, and what it says."""
    vocabulary = project / VOCABULARY
    text = vocabulary.read_text(encoding="utf-8") + "  - fr: [phishing, hameçonner par courriel]\n"
    vocabulary.write_text(text, encoding="utf-8")
    entry = len(load_vocabulary(ROOT / VOCABULARY).entries)
    return f"data/vocabulary.yml:{len(text.splitlines())}:", f"entries[{entry}].fr[0]: « phishing » is already"


def test_a_vocabulary_problem_stops_the_build_with_file_and_line(project):
    where, what = break_vocabulary(project)
    with pytest.raises(PluginError) as exc:
        FeatureUnderTest("i18n").on_config(mkdocs_config(project / "docs", root=project))
    assert f"{where} {what}" in str(exc.value)
    assert "Traceback" not in str(exc.value)


def test_the_validator_reports_vocabulary_problems(project, capsys):
    where, what = break_vocabulary(project)
    assert validate.main(["--root", str(project), "--today", FROZEN_TODAY]) == 1
    assert f"{where} error: {what}" in capsys.readouterr().out
