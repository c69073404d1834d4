"""The wording of the real kits' quizzes (kits/*/quiz.yml), as staff read them alone, print them or hear them read
by a screen reader: feedback that starts with its verdict and stays short, true-or-false questions answered « Vrai »
or « Faux », several right answers asked for in the plural, right answers that neither sit in one place nor stand
out by their length, and the French typography of the kits' own sources (narrow no-break spaces, ’, « »)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from sitekit.checks.typography import data_typography_problems
from sitekit.core.yamlfile import load_yaml
from sitekit.kits.model import load_kits
from sitekit.kits.quiz import Question, Quiz

KITS = [k for k in load_kits(ROOT / "kits", ROOT) if k.quiz is not None]
VERDICT = {"fr": ("Oui : ", "Non : "), "en": ("Yes: ", "No: ")}  # typed with U+202F before « : » in French
END_OF_SENTENCE = re.compile(r"[.!?…](?=\s|$)")
MAX_SENTENCES = 2
PLURAL_QUESTION = {"fr": re.compile(r"(?i)\b(quels|quelles|lesquels|lesquelles)\b"), "en": re.compile(r"(?i)\bwhich\b")}
# What the kit page already prints beside a question with several right answers (data/strings.yml kits.quiz.multiple).
ADDED_BY_THE_PAGE = re.compile(r"plusieurs réponses|several answers|more than one answer", re.IGNORECASE)
NNBSP = "\u202f"


def quiz_of(kit_id: str) -> Quiz:
    quiz = next(k for k in KITS if k.id == kit_id).quiz
    assert quiz is not None
    return quiz


def texts(question: Question, lang: str) -> list[str]:
    return [question.question[lang], *(t[lang] for c in question.choices for t in (c.text, c.explanation))]


IDS = [k.id for k in KITS]


def test_every_kit_s_quiz_is_read():
    assert len(IDS) == 13 and "hameconnage" in IDS and "cles-usb" in IDS


@pytest.mark.parametrize("kit_id", IDS)
def test_each_explanation_starts_with_its_verdict_and_says_at_most_two_sentences(kit_id):
    for question in quiz_of(kit_id).questions:
        for choice in question.choices:
            for lang in ("fr", "en"):
                text = choice.explanation[lang].replace(NNBSP, " ")
                right, wrong = VERDICT[lang]
                assert text.startswith(right if choice.correct else wrong), (question.id, lang, text[:60])
                assert len(END_OF_SENTENCE.findall(text)) <= MAX_SENTENCES, (question.id, lang, text)


@pytest.mark.parametrize("kit_id", IDS)
def test_a_true_or_false_question_is_answered_vrai_or_faux(kit_id):
    for question in quiz_of(kit_id).questions:
        if question.question["fr"].startswith("Vrai ou faux"):
            assert question.question["en"].startswith("True or false")
            assert [c.text["fr"] for c in question.choices] == ["Vrai", "Faux"], question.id
            assert [c.text["en"] for c in question.choices] == ["True", "False"], question.id


@pytest.mark.parametrize("kit_id", IDS)
def test_a_question_with_several_right_answers_asks_for_them_in_the_plural(kit_id):
    for question in quiz_of(kit_id).questions:
        for lang in ("fr", "en"):
            assert not ADDED_BY_THE_PAGE.search(question.question[lang]), (question.id, lang)
            if question.multiple:
                assert PLURAL_QUESTION[lang].search(question.question[lang]), (question.id, lang)


@pytest.mark.parametrize("kit_id", IDS)
def test_right_answers_move_and_are_not_given_away_by_their_length(kit_id):
    """Neither always in the same place nor, in more than a third of the questions, the longest choice."""
    questions = quiz_of(kit_id).questions
    places = {tuple(i for i, c in enumerate(q.choices) if c.correct) for q in questions}
    assert len(places) >= 2, places
    for lang in ("fr", "en"):
        longest = [
            q.id
            for q in questions
            if len(q.choices) > 2
            and (lengths := [len(c.text[lang]) for c in q.choices])
            and any(c.correct and len(c.text[lang]) == max(lengths) for c in q.choices)
            and lengths.count(max(lengths)) == 1
        ]
        assert len(longest) * 3 <= len(questions), (lang, longest)
        two_choices = [
            q for q in questions if len(q.choices) == 2 and not q.question[lang].startswith(("Vrai", "True"))
        ]
        given_away = [
            q.id
            for q in two_choices
            if len(next(c for c in q.choices if c.correct).text[lang]) > 1.5 * min(len(c.text[lang]) for c in q.choices)
        ]
        assert len(given_away) * 3 <= max(len(questions), 1), (lang, given_away)


@pytest.mark.parametrize("kit_id", IDS)
def test_the_french_texts_have_the_typography_of_the_kit_sources(kit_id):
    kit = next(k for k in KITS if k.id == kit_id)
    doc = load_yaml(kit.quiz_file, f"kits/{kit_id}/quiz.yml")
    assert [str(p) for p in data_typography_problems(doc)] == []
    for question in quiz_of(kit_id).questions:
        for text in texts(question, "fr"):
            assert not re.search(r"[ \u00a0][:;!?»]|«[ \u00a0]", text), (question.id, text)
            assert "'" not in text and '"' not in text, (question.id, text)
            number = re.sub(r"\b33 700\b", "", text)  # the 33 700 is a phone number, written as the kit writes it
            assert not re.search(r"\d[ \u00a0](%|€|M€)|\b\d{1,3} \d{3}\b", number), (question.id, text)
