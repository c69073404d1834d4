"""A kit's quiz: the typed model of kits/<id>/quiz.yml (multiple choice, both languages) and its loader's rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.schema import Localized, Model, Url, identifier, problem, problems_from_pydantic
from sitekit.core.yamlfile import YamlDocument, dotted, load_yaml

QUIZ_FILE = "quiz.yml"
MIN_QUESTIONS, MAX_QUESTIONS = 5, 8
MIN_CHOICES, MAX_CHOICES = 2, 5
_DIGIT = re.compile(r"\d+(?:[ ,.\u00a0\u202f]\d+)*")


def _check_pass_mark(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise problem(f"{value!r} is not a pass mark", "write a whole number of percent from 1 to 100, e.g. 80")
    return value


def _check_correct(value: Any) -> bool:
    if value is not True:
        raise problem(f"correct: {value!r}", "write correct: true on the right choices only, and nothing on the others")
    return True


PassMark = Annotated[int, BeforeValidator(_check_pass_mark)]
Correct = Annotated[bool, BeforeValidator(_check_correct)]
QuestionId = Annotated[str, identifier("lien-suspect")]


class Choice(Model):
    text: Localized
    correct: Correct = False
    explanation: Localized


class Question(Model):
    id: QuestionId
    question: Localized
    source: Url | None = None
    choices: tuple[Choice, ...]

    @property
    def multiple(self) -> bool:
        """Several right answers: the page shows checkboxes and says so."""
        return sum(c.correct for c in self.choices) > 1


class Quiz(Model):
    pass_mark: PassMark
    questions: tuple[Question, ...]

    def passed(self, right: int) -> bool:
        """Whether `right` questions answered right reach the pass mark (a percentage of the questions)."""
        return right * 100 >= self.pass_mark * len(self.questions)


def load_quiz(file: Path, shown: str, sources: tuple[str, ...], kit_file: str) -> Quiz:
    """The quiz of `file` (shown as `shown` in messages), whose sources must be among the kit's `sources` (listed
    in `kit_file`); ProblemsError lists every problem."""
    doc = load_yaml(file, shown)
    if not isinstance(doc.data, dict):
        raise ProblemsError(
            [
                Problem(
                    shown,
                    doc.line(()),
                    "(root)",
                    "expected a mapping of keys (pass_mark:, questions:)",
                    "write pass_mark: and questions: on their own lines, as in the other kits' quiz.yml",
                )
            ]
        )
    try:
        quiz = Quiz.model_validate(doc.data)
    except ValidationError as exc:
        raise ProblemsError(problems_from_pydantic(exc, doc, (), Quiz)) from None
    found = quiz_problems(quiz, doc, sources, kit_file)
    if found:
        raise ProblemsError(found)
    return quiz


def quiz_problems(quiz: Quiz, doc: YamlDocument, sources: tuple[str, ...], kit_file: str) -> list[Problem]:
    """What the schema alone cannot say: counts, right answers, unique ids, figures and their sources."""
    out: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str, fix: str) -> None:
        out.append(Problem(doc.path, doc.line(loc), dotted(loc), message, fix))

    count = len(quiz.questions)
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        add(
            ("questions",),
            f"{count} questions, a quiz has {MIN_QUESTIONS} to {MAX_QUESTIONS}",
            f"write between {MIN_QUESTIONS} and {MAX_QUESTIONS} questions",
        )
    first: dict[str, int] = {}
    for index, question in enumerate(quiz.questions):
        where: tuple[str | int, ...] = ("questions", index)
        if question.id in first:
            add(
                (*where, "id"),
                f"duplicate question id {question.id!r} (first at line {first[question.id]})",
                "give each question its own id",
            )
        else:
            first[question.id] = doc.line((*where, "id"))
        if not MIN_CHOICES <= len(question.choices) <= MAX_CHOICES:
            add(
                (*where, "choices"),
                f"{len(question.choices)} choices, a question has {MIN_CHOICES} to {MAX_CHOICES}",
                f"give the question between {MIN_CHOICES} and {MAX_CHOICES} choices",
            )
        if not any(choice.correct for choice in question.choices):
            add(
                (*where, "choices"),
                "no right answer",
                "add correct: true under the right choice (or each right choice)",
            )
        if question.source is None:
            texts = [question.question, *(c.text for c in question.choices if c.correct)]
            figure = next((m[0] for t in texts for lang in ("fr", "en") if (m := _DIGIT.search(t[lang]))), None)
            if figure is not None:
                add(
                    (*where, "question"),
                    f"the question or its right answer gives a figure ({figure!r}) without a source",
                    f"add source: with the address that gives it (one of the sources of {kit_file})",
                )
        elif question.source not in sources:
            add(
                (*where, "source"),
                f"{question.source!r} is not one of the kit's sources",
                f"use an address listed under sources: in {kit_file}, or add it there",
            )
    return out
