"""A kit's quiz as its pages show it, in one language: the kit page's form, the printable quiz, the SCORM page."""

from __future__ import annotations

from dataclasses import dataclass

from sitekit.i18n.strings import Strings
from sitekit.kits.quiz import Quiz

QUIZ_SCRIPT = "assets/javascripts/kit-quiz.js"  # under the theme's folder (overrides/), served by the site
QUIZ_ANCHOR = "quiz"  # the kit page's quiz heading: kits/fiches/<id>.html#quiz
LETTERS = "ABCDE"


def printable_name(lang: str) -> str:
    """The printable quiz as text to adapt, in the archive and beside it: quiz.fr.md."""
    return f"quiz.{lang}.md"


def pdf_name(lang: str) -> str:
    """The printable quiz as an A4 PDF, in the archive and beside it (named as the posters are): quiz.fr.a4.pdf."""
    return f"quiz.{lang}.a4.pdf"


@dataclass(frozen=True)
class ChoiceView:
    letter: str
    text: str
    explanation: str
    correct: bool


@dataclass(frozen=True)
class QuestionView:
    id: str
    number: str  # "Question 1 sur 5"
    text: str
    multiple: bool
    correct: str  # the right choices' positions, "1" or "0 2", for the script
    right_letters: str  # "B" or "A, C", for the printable answers
    source: str | None
    choices: tuple[ChoiceView, ...]


@dataclass(frozen=True)
class QuizView:
    pass_mark: int
    intro: str
    print_intro: str
    questions: tuple[QuestionView, ...]
    scorm: bool  # the form of a SCORM package: the script reports to the platform


def quiz_view(quiz: Quiz, lang: str, strings: Strings, scorm: bool = False) -> QuizView:
    total = len(quiz.questions)
    questions = []
    for n, q in enumerate(quiz.questions, 1):
        choices = tuple(
            ChoiceView(LETTERS[i], c.text[lang], c.explanation[lang], c.correct) for i, c in enumerate(q.choices)
        )
        questions.append(
            QuestionView(
                id=q.id,
                number=strings.get("kits.quiz.number", lang).format(n=n, total=total),
                text=q.question[lang],
                multiple=q.multiple,
                correct=" ".join(str(i) for i, c in enumerate(q.choices) if c.correct),
                right_letters=", ".join(c.letter for c in choices if c.correct),
                source=q.source,
                choices=choices,
            )
        )
    return QuizView(
        pass_mark=quiz.pass_mark,
        intro=strings.get("kits.quiz.intro_scorm" if scorm else "kits.quiz.intro", lang).format(n=total),
        print_intro=strings.get("kits.quiz.print_intro", lang).format(n=total),
        questions=tuple(questions),
        scorm=scorm,
    )
