"""Kit quizzes: the loader's refusals of quiz.yml (exact text, file, line and field) and the real kits' quizzes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.core.problems import ProblemsError
from sitekit.kits.model import load_kits
from support.kits import make_kit

SOURCE = "https://esante.gouv.fr/securite/cybersecurite"


def question(qid: str, extra: str = "", text: str = "Que faites-vous ?") -> str:
    return f"""\
  - id: {qid}
    question: {{fr: "{text}", en: "What do you do?"}}{extra}
    choices:
      - text: {{fr: "J’ouvre.", en: "I open it."}}
        explanation: {{fr: "Non : signalez-le.", en: "No: report it."}}
      - text: {{fr: "Je signale.", en: "I report it."}}
        correct: true
        explanation: {{fr: "Oui : signalez-le.", en: "Yes: report it."}}
"""


def quiz_text(*questions: str, pass_mark: str = "80") -> str:
    body = "".join(questions) if questions else "".join(question(f"q{n}") for n in range(1, 6))
    return f"pass_mark: {pass_mark}\nquestions:\n{body}"


def load(tmp_path: Path, text: str):
    kit = make_kit(tmp_path)
    (kit / "quiz.yml").write_text(text, encoding="utf-8")
    return load_kits(tmp_path / "kits", tmp_path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ProblemsError) as exc:
        load(tmp_path, text)
    return str(exc.value).splitlines()


def test_a_valid_quiz_loads_with_the_kit(tmp_path):
    figure = question("q0", f"\n    source: {SOURCE}", "Quelle part : 94 % ?")
    [kit] = load(tmp_path, quiz_text(figure, *(question(f"q{n}") for n in (1, 2, 3, 4))))
    assert kit.quiz is not None and kit.quiz.pass_mark == 80
    assert [q.id for q in kit.quiz.questions] == ["q0", "q1", "q2", "q3", "q4"]
    first = kit.quiz.questions[0]
    assert first.source == SOURCE and first.question.fr == "Quelle part : 94 % ?" and not first.multiple
    assert [c.correct for c in first.choices] == [False, True]


def test_pass_mark_rule(tmp_path):
    [kit] = load(tmp_path, quiz_text())
    assert kit.quiz is not None and len(kit.quiz.questions) == 5
    assert kit.quiz.passed(4) and not kit.quiz.passed(3)


def test_a_kit_without_quiz_has_none(tmp_path):
    make_kit(tmp_path)
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    assert kit.quiz is None


def test_no_right_answer(tmp_path):
    text = quiz_text().replace("        correct: true\n", "", 1)
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:5: questions[0].choices: no right answer "
        "(add correct: true under the right choice (or each right choice))"
    ]


def test_correct_false_is_refused(tmp_path):
    text = quiz_text().replace("correct: true", "correct: false", 1)
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:9: questions[0].choices[1].correct: correct: False "
        "(write correct: true on the right choices only, and nothing on the others)"
    ]


def test_explanation_missing_in_one_language(tmp_path):
    text = quiz_text().replace('{fr: "Non : signalez-le.", en: "No: report it."}', '{fr: "Non : signalez-le."}', 1)
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:7: questions[0].choices[0].explanation.en: missing English text "
        "(add en: with the text in that language)"
    ]


def test_text_missing_in_one_language(tmp_path):
    text = quiz_text().replace('{fr: "Je signale.", en: "I report it."}', '{en: "I report it."}', 1)
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:8: questions[0].choices[1].text.fr: missing French text "
        "(add fr: with the text in that language)"
    ]


def test_duplicate_id(tmp_path):
    text = quiz_text(*(question(f"q{n}") for n in (1, 2, 3, 4, 1)))
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:35: questions[4].id: duplicate question id 'q1' (first at line 3) "
        "(give each question its own id)"
    ]


def test_fewer_than_two_choices(tmp_path):
    one = question("q1").split('      - text: {fr: "Je signale.')[0]
    text = quiz_text(
        one.replace("        explanation", "        correct: true\n        explanation"),
        *(question(f"q{n}") for n in (2, 3, 4, 5)),
    )
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:5: questions[0].choices: 1 choices, a question has 2 to 5 "
        "(give the question between 2 and 5 choices)"
    ]


def test_too_few_questions(tmp_path):
    assert problems(tmp_path, quiz_text(question("q1"))) == [
        "kits/demo/quiz.yml:2: questions: 1 questions, a quiz has 5 to 8 (write between 5 and 8 questions)"
    ]


def test_figure_without_source(tmp_path):
    text = quiz_text(question("q1", text="Quelle part, 94 % ?"), *(question(f"q{n}") for n in (2, 3, 4, 5)))
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:4: questions[0].question: the question or its right answer gives a figure ('94') "
        "without a source (add source: with the address that gives it (one of the sources of kits/demo/kit.yml))"
    ]


def test_figure_in_the_right_answer_needs_a_source_too(tmp_path):
    text = quiz_text().replace(
        '{fr: "Je signale.", en: "I report it."}', '{fr: "Sous 72 heures.", en: "Within 72 hours."}', 1
    )
    assert problems(tmp_path, text)[0].startswith(
        "kits/demo/quiz.yml:4: questions[0].question: the question or its right answer gives a figure ('72')"
    )


def test_source_the_kit_does_not_cite(tmp_path):
    text = quiz_text(
        question("q1", "\n    source: https://example.org/chiffres"), *(question(f"q{n}") for n in (2, 3, 4, 5))
    )
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:5: questions[0].source: 'https://example.org/chiffres' is not one of the kit's sources "
        "(use an address listed under sources: in kits/demo/kit.yml, or add it there)"
    ]


@pytest.mark.parametrize("mark", ["0", "101", "quatre-vingts", "80.5"])
def test_pass_mark_out_of_range(tmp_path, mark):
    shown = repr(float(mark)) if "." in mark else repr(int(mark)) if mark.isdigit() else repr(mark)
    assert problems(tmp_path, quiz_text(pass_mark=mark)) == [
        f"kits/demo/quiz.yml:1: pass_mark: {shown} is not a pass mark "
        "(write a whole number of percent from 1 to 100, e.g. 80)"
    ]


def test_markup_in_a_text_is_refused(tmp_path):
    text = quiz_text().replace("J’ouvre.", "J’ouvre <b>vite</b>.", 1)
    assert problems(tmp_path, text) == [
        "kits/demo/quiz.yml:6: questions[0].choices[0].text.fr: contains HTML markup: '<b>' "
        "(write plain text: tags are shown as written, not interpreted)"
    ]


def test_not_a_mapping(tmp_path):
    assert problems(tmp_path, "- une question\n") == [
        "kits/demo/quiz.yml:1: (root): expected a mapping of keys (pass_mark:, questions:) "
        "(write pass_mark: and questions: on their own lines, as in the other kits' quiz.yml)"
    ]


def test_every_real_kit_has_a_valid_quiz():
    kits = load_kits(ROOT / "kits", ROOT)
    assert [k.id for k in kits if k.quiz is None] == []
    for kit in kits:
        assert kit.quiz is not None
        for q in kit.quiz.questions:
            assert all(c.explanation.fr and c.explanation.en for c in q.choices), (kit.id, q.id)
