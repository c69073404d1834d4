"""The kits' quizzes in Chromium: taken with the keyboard alone to the score, axe-core in both palettes with the
quiz in use, nothing requested or stored while it is taken, and every SCORM package run by a real SCORM 1.2 runtime
(scorm-again, pinned in package-lock.json) that records the status, score and session time.

The SCORM runs are a class per language, so that `make test`'s two workers can take them at the same time."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from conftest import ROOT
from sitekit.i18n.strings import LANGUAGES
from sitekit.kits.model import load_kits
from sitekit.kits.scorm import package_name
from support.browser import AXE_JS, AXE_RUN, AXE_TAGS, format_violations, open_page, serve

KITS = [k for k in load_kits(ROOT / "kits", ROOT) if k.quiz is not None]
HAMECONNAGE = next(k for k in KITS if k.id == "hameconnage")
SCORM_RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"

pytestmark = pytest.mark.long


def page_path(lang: str, kit_id: str) -> str:
    return ("" if lang == "fr" else "en/") + f"kits/fiches/{kit_id}.html"


def tab_to(page, element_id: str, limit: int = 40) -> None:
    """Press Tab until the element with `element_id` has the focus (the keyboard alone, as a reader would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quiz_taken_with_the_keyboard_alone_reaches_the_score(browser, site, lang):
    quiz = HAMECONNAGE.quiz
    # No server, and the address a campaign item links to: the quiz's anchor, where the keyboard starts from.
    page, watch = open_page(browser, site.resolve().as_uri() + "/" + page_path(lang, HAMECONNAGE.id) + "#quiz")
    for question in quiz.questions:
        assert not question.multiple
        tab_to(page, f"quiz-{question.id}-1")  # the radio group: its first choice
        right = next(i for i, c in enumerate(question.choices) if c.correct)
        page.keyboard.press("Space")
        for _ in range(right):
            page.keyboard.press("ArrowDown")  # moves and selects, as in any radio group
        page.keyboard.press("Tab")  # the check button
        assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-check')")
        page.keyboard.press("Enter")
        feedback = page.locator(f"#quiz-{question.id} [data-quiz-feedback]")
        if question is not quiz.questions[-1]:
            assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-feedback')")
        assert feedback.get_attribute("aria-live") == "polite"
        assert feedback.inner_text().startswith("Bonne réponse." if lang == "fr" else "Right.")
        said = " ".join(feedback.inner_text().split())  # (the French text's non-breaking spaces as spaces)
        assert " ".join(question.choices[right].explanation[lang].split()) in said
    score = page.locator("[data-quiz-score]")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-score')")  # the score gets the focus
    total = len(quiz.questions)
    assert score.inner_text().startswith(
        f"Votre score\u00a0: {total} sur {total} (100\u00a0%). Réussi"
        if lang == "fr"
        else f"Your score: {total} out of {total}"
    )
    # Start again, still with the keyboard: everything is cleared and the first choice has the focus.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.hasAttribute('data-quiz-restart')"):
            break
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == f"quiz-{quiz.questions[0].id}-1"
    assert score.inner_text() == "" and page.locator("input:checked").count() == 0
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def spoken(text: str) -> re.Pattern[str]:
    """A text as an accessible name reads it: any run of spaces (non-breaking ones too) as one."""
    return re.compile(r"\s+".join(map(re.escape, text.split())))


def ax_properties(client, selector: str) -> dict[str, object]:
    """The properties Chromium's accessibility tree (what a screen reader is given) has for the element."""
    document = client.send("DOM.getDocument", {"depth": 0})
    node = client.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    [ax, *_] = client.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})[
        "nodes"
    ]
    return {p["name"]: p["value"].get("value") for p in ax.get("properties", [])} | {
        "role": ax["role"]["value"],
        "name": ax.get("name", {}).get("value", ""),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_a_screen_reader_is_given_each_question_its_choices_the_feedback_and_the_score(browser, base_url, lang):
    """Chromium's accessibility tree, the one screen readers read: each question a group named by its number and
    text, each choice a radio button or checkbox named by its text, the check button in the group; the feedback a
    polite live region that takes the focus and says the verdict, then the explanation; the score a status."""
    kit = next(k for k in KITS if any(q.multiple for q in k.quiz.questions))  # radio buttons and checkboxes
    page, watch = open_page(browser, base_url + page_path(lang, kit.id))
    client = page.context.new_cdp_session(page)
    total = len(kit.quiz.questions)
    number = "Question {n} sur {total}" if lang == "fr" else "Question {n} of {total}"
    for n, question in enumerate(kit.quiz.questions, 1):
        name = f"{number.format(n=n, total=total)} {question.question[lang]}"
        group = page.get_by_role("group", name=spoken(name))
        assert group.count() == 1, name
        role = "checkbox" if question.multiple else "radio"
        for choice in question.choices:
            assert group.get_by_role(role, name=spoken(choice.text[lang])).count() == 1, choice.text[lang]
        check = group.get_by_role("button", name="Vérifier ma réponse" if lang == "fr" else "Check my answer")
        right = [i for i, c in enumerate(question.choices) if c.correct]
        for index in right:
            page.locator(f"#quiz-{question.id}-{index + 1}").check()
        check.click()
        feedback = f"#quiz-{question.id} [data-quiz-feedback]"
        assert ax_properties(client, feedback)["live"] == "polite"
        # (the focus read from the page: the tree's "focused" also needs the window to have the system's focus)
        has_focus = page.evaluate("s => document.activeElement === document.querySelector(s)", feedback)
        assert has_focus or n == total  # the last answer gives the focus to the score
        said = " ".join(page.locator(feedback).inner_text().split())
        verdict = "Bonne réponse." if lang == "fr" else "Right."
        assert said.startswith(verdict) and said.count(verdict) == 1, said  # the verdict once, not repeated
        for index in right:
            assert " ".join(question.choices[index].explanation[lang].split()) in said
    status = page.get_by_role("status")
    assert status.count() == 1 and ("100" in status.inner_text())
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-score')")
    assert page.get_by_role("group", name="Commandes du quiz" if lang == "fr" else "Quiz controls").count() == 1
    assert watch.errors == []
    page.context.close()


def test_one_question_at_a_time(browser, base_url):
    page, _ = open_page(browser, base_url + page_path("en", HAMECONNAGE.id))
    questions = page.locator("[data-quiz-question]")
    page.get_by_role("button", name="One question at a time").click()
    assert page.get_by_role("button", name="One question at a time").get_attribute("aria-pressed") == "true"
    assert [questions.nth(i).is_visible() for i in range(questions.count())] == [True] + [False] * (
        questions.count() - 1
    )
    page.get_by_role("button", name="Next question").click()
    assert questions.nth(1).is_visible() and not questions.nth(0).is_visible()
    assert page.evaluate("() => document.activeElement.id") == f"quiz-{HAMECONNAGE.quiz.questions[1].id}-1"
    page.get_by_role("button", name="One question at a time").click()
    assert all(questions.nth(i).is_visible() for i in range(questions.count()))
    page.context.close()


def test_an_answered_question_shows_its_feedback_and_no_longer_its_check_button(browser, base_url):
    """Material's button style must not show again what the quiz hides (the hidden attribute)."""
    page, _ = open_page(browser, base_url + page_path("fr", HAMECONNAGE.id))
    first = HAMECONNAGE.quiz.questions[0]
    check = page.locator(f"#quiz-{first.id} [data-quiz-check]")
    assert check.is_visible()
    right = next(i for i, c in enumerate(first.choices) if c.correct)
    page.locator(f"#quiz-{first.id}-{right + 1}").check()
    check.click()
    assert not check.is_visible()
    assert page.locator(f"#quiz-{first.id} [data-quiz-feedback]").inner_text().strip()
    page.context.close()


def answer_wrong_then_right(page) -> None:
    """The first question answered wrong, the second right (feedback of both kinds shown), details opened."""
    questions = HAMECONNAGE.quiz.questions
    for index, want in ((0, False), (1, True)):
        choice = next(i for i, c in enumerate(questions[index].choices) if c.correct is want)
        page.locator(f"#quiz-{questions[index].id}-{choice + 1}").check()
        page.locator(f"#quiz-{questions[index].id} [data-quiz-check]").click()
    page.locator(f"#quiz-{questions[0].id} summary").click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violation_with_the_quiz_in_use_in_both_palettes(browser, base_url, lang):
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(service_workers="block", color_scheme=scheme)
        context.add_init_script(path=str(AXE_JS))
        page = context.new_page()
        page.goto(base_url + page_path(lang, HAMECONNAGE.id))
        page.wait_for_load_state("networkidle")
        want = "slate" if scheme == "dark" else "default"
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == want
        answer_wrong_then_right(page)
        page.get_by_role("button", name="Voir mon score" if lang == "fr" else "See my score").click()
        result = page.evaluate(AXE_RUN, AXE_TAGS)
        assert result["rules"] > 0
        problems += format_violations(f"{page_path(lang, HAMECONNAGE.id)} [{scheme}]", result["violations"])
        context.close()
    assert problems == []


def test_nothing_is_requested_or_stored_while_the_quiz_is_taken(browser, base_url):
    page, watch = open_page(browser, base_url + page_path("fr", HAMECONNAGE.id))
    before = page.evaluate("() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    answer_wrong_then_right(page)
    page.get_by_role("button", name="Voir mon score").click()
    page.get_by_role("button", name="Recommencer").click()
    page.wait_for_timeout(300)
    # The page's own pictures load lazily as the page scrolls: nothing else is asked for, nothing is sent.
    pictures = set(page.eval_on_selector_all("img[loading=lazy]", "images => images.map(i => i.src)"))
    assert [r for r in requests if r not in pictures] == []
    after = page.evaluate("() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]")
    assert after == before
    assert watch.foreign == [] and watch.errors == []
    page.context.close()


LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="scorm12.js"></script><script src="lms.js"></script></head>
<body><iframe id="sco" title="SCO" src="package/index.html" width="900" height="700"></iframe></body></html>
"""
# The runtime's API, each call the SCO makes kept with the runtime's answer.
LMS_SCRIPT = """
window.API = new Scorm12API({logLevel: 5, autocommit: false});
window.calls = [];
["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"].forEach(function (name) {
  var original = window.API[name].bind(window.API);
  window.API[name] = function () {
    var answer = original.apply(null, arguments);
    window.calls.push([name].concat(Array.prototype.slice.call(arguments)).concat([String(answer)]));
    return answer;
  };
});
"""


@pytest.fixture(scope="module")
def lms(site, tmp_path_factory):
    """A folder served on 127.0.0.1: the LMS page, scorm-again's SCORM 1.2 runtime, and a package slot."""
    assert SCORM_RUNTIME.is_file(), f"{SCORM_RUNTIME} is missing: run `make node_modules/.installed`"
    folder = tmp_path_factory.mktemp("lms")
    shutil.copy(SCORM_RUNTIME, folder / "scorm12.js")
    (folder / "lms.js").write_text(LMS_SCRIPT, encoding="utf-8")
    (folder / "index.html").write_text(LMS_PAGE, encoding="utf-8")
    with serve(folder) as url:
        yield folder, url


CMI = (
    "() => ({status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, min: API.cmi.core.score.min,"
    " max: API.cmi.core.score.max, finished: API.isTerminated()})"
)


def answer_all(frame, kit, right: bool) -> None:
    for question in kit.quiz.questions:
        chosen = (
            [i for i, c in enumerate(question.choices) if c.correct]
            if right
            else [next(i for i, c in enumerate(question.choices) if not c.correct)]
        )
        for index in chosen:
            frame.locator(f"#quiz-{question.id}-{index + 1}").check()
        frame.locator(f"#quiz-{question.id} [data-quiz-check]").click()
    frame.locator("[data-quiz-score]").filter(has_text="%").wait_for()


def open_package(browser, lms, site, kit, lang: str):
    folder, url = lms
    shutil.rmtree(folder / "package", ignore_errors=True)
    data = (site / "kits" / "telechargements" / package_name(kit.id, kit.version, lang)).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder / "package")
    # The LMS page and its frame (the package) ask for nothing once loaded: no wait for an idle network.
    page, watch = open_page(browser, url, until="load")
    return page, watch, page.frame_locator("#sco")


def leave(page) -> None:
    """The platform closes the SCO (its frame goes elsewhere): the session is finished."""
    page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    page.wait_for_function("() => API.isTerminated()")


class ScormRuns:
    """Every kit's SCORM package in one language (`lang`): failed, started again, passed, closed."""

    lang: str

    @pytest.mark.parametrize("kit", KITS, ids=lambda k: k.id)
    def test_a_scorm_runtime_records_the_quiz(self, browser, lms, site, kit):
        scorm_runtime_records_the_quiz(browser, lms, site, kit, self.lang)


class TestScormFrench(ScormRuns):
    lang = "fr"


class TestScormEnglish(ScormRuns):
    lang = "en"


assert [cls.lang for cls in (TestScormFrench, TestScormEnglish)] == list(LANGUAGES)  # every language, once


def scorm_runtime_records_the_quiz(browser, lms, site, kit, lang: str) -> None:
    """One session of the package: all wrong (failed, 0), start again, all right (passed, 100), then the platform
    closes it. Each score is recorded when it shows, the last one stays, the session is finished once."""
    page, watch, frame = open_package(browser, lms, site, kit, lang)
    answer_all(frame, kit, right=False)
    assert page.evaluate(CMI) == {"status": "failed", "raw": "0", "min": "0", "max": "100", "finished": False}
    frame.locator("[data-quiz-restart]").click()
    answer_all(frame, kit, right=True)
    assert page.evaluate(CMI) == {"status": "passed", "raw": "100", "min": "0", "max": "100", "finished": False}
    leave(page)
    assert page.evaluate(CMI) == {"status": "passed", "raw": "100", "min": "0", "max": "100", "finished": True}
    calls = page.evaluate("() => window.calls")
    assert watch.errors == [] and watch.foreign == []
    page.context.close()
    names = [c[0] for c in calls]
    assert names[0] == "LMSInitialize" and names[-2:] == ["LMSCommit", "LMSFinish"], names
    assert (names.count("LMSInitialize"), names.count("LMSCommit"), names.count("LMSFinish")) == (1, 3, 1), names
    assert all(c[-1] == "true" for c in calls), calls  # the runtime accepted every call
    values = [(c[1], c[2]) for c in calls if c[0] == "LMSSetValue"]
    assert [v for k, v in values if k == "cmi.core.lesson_status"] == ["incomplete", "failed", "passed"]
    assert [v for k, v in values if k == "cmi.core.score.raw"] == ["0", "100"]
    assert {v for k, v in values if k in ("cmi.core.score.min", "cmi.core.score.max")} == {"0", "100"}
    times = [v for k, v in values if k == "cmi.core.session_time"]
    assert len(times) == 3 and all(re.fullmatch(r"\d{4}:[0-5]\d:[0-5]\d\.\d\d", t) for t in times)  # HHHH:MM:SS.SS
    assert {k for k, _ in values} <= {
        "cmi.core.lesson_status",
        "cmi.core.score.raw",
        "cmi.core.score.min",
        "cmi.core.score.max",
        "cmi.core.session_time",
    }  # no answer, nothing personal


def test_a_package_runs_without_a_platform(browser, site, tmp_path):
    kit = HAMECONNAGE
    data = (site / "kits" / "telechargements" / package_name(kit.id, kit.version, "en")).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
    page, watch = open_page(browser, (tmp_path / "index.html").as_uri())
    for question in kit.quiz.questions:
        right = next(i for i, c in enumerate(question.choices) if c.correct)
        page.locator(f"#quiz-{question.id}-{right + 1}").check()
        page.locator(f"#quiz-{question.id} [data-quiz-check]").click()
    total = len(kit.quiz.questions)
    assert (
        page.locator("[data-quiz-score]").inner_text().startswith(f"Your score: {total} out of {total} (100%). Passed")
    )
    assert watch.errors == []
    page.context.close()
