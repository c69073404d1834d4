/* A kit's quiz (the form made by the build from quiz.yml): check each answer, hear the feedback with its
   explanation, one question at a time or all at once, a score at the end, start again. Nothing is stored and
   nothing is sent: no cookie, no storage, no request. In a SCORM 1.2 package (the form has data-scorm) the score,
   the status against the pass mark and the session time are given to the learning platform's API, nothing else:
   each score when it is shown (starting again and scoring again replaces it), the end of the session when the
   page goes away.
   Without this script the questions, answers and explanations stay readable in the page. */
(function () {
  "use strict";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* --- SCORM 1.2: the API is an object named API in a parent frame or the opener (ADL's search rules) --- */

  function findApi(start) {
    var win = start;
    var tries = 0;
    while (win && tries < 500) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* another origin: keep looking higher */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
      tries += 1;
    }
    return null;
  }

  function scormApi() {
    var api = findApi(window);
    if (!api) {
      try {
        if (window.opener) api = findApi(window.opener);
      } catch (e) { api = null; }
    }
    return api;
  }

  function sessionTime(ms) {
    // CMITimespan: HHHH:MM:SS.SS
    var hundredths = Math.floor(ms / 10);
    var h = Math.floor(hundredths / 360000);
    var m = Math.floor((hundredths % 360000) / 6000);
    var s = Math.floor((hundredths % 6000) / 100);
    var c = hundredths % 100;
    function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(c, 2);
  }

  function Reporter(passMark) {
    this.api = scormApi();
    this.started = Date.now();
    this.finished = false;
    this.passMark = passMark;
    if (!this.api) return;
    if (String(this.api.LMSInitialize("")) !== "true") { this.api = null; return; }
    var status = String(this.api.LMSGetValue("cmi.core.lesson_status"));
    if (status === "not attempted" || status === "") this.api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }

  // Each score is given to the platform and committed at once (a learner who starts again and scores again
  // replaces it); the session is finished when the page goes away (the platform closes or leaves the SCO).
  Reporter.prototype.score = function (percent, passed) {
    if (!this.api || this.finished) return;
    var api = this.api;
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(percent));
    api.LMSSetValue("cmi.core.lesson_status", passed ? "passed" : "failed");
    api.LMSSetValue("cmi.core.session_time", sessionTime(Date.now() - this.started));
    api.LMSCommit("");
  };

  Reporter.prototype.finish = function () {
    if (!this.api || this.finished) return;
    this.api.LMSSetValue("cmi.core.session_time", sessionTime(Date.now() - this.started));
    this.api.LMSCommit("");
    this.api.LMSFinish("");
    this.finished = true;
  };

  /* --- the quiz --- */

  function setup(root) {
    var form = root.querySelector("[data-quiz-form]");
    var questions = all(root, "[data-quiz-question]");
    var controls = root.querySelector("[data-quiz-controls]");
    var mode = root.querySelector("[data-quiz-mode]");
    var previous = root.querySelector("[data-quiz-previous]");
    var next = root.querySelector("[data-quiz-next]");
    var finish = root.querySelector("[data-quiz-finish]");
    var restart = root.querySelector("[data-quiz-restart]");
    var score = root.querySelector("[data-quiz-score]");
    if (!form || !questions.length || !controls || !score) return;
    var passMark = parseInt(root.getAttribute("data-pass-mark"), 10) || 100;
    var text = function (name) { return root.getAttribute("data-text-" + name) || ""; };
    var reporter = root.hasAttribute("data-scorm") ? new Reporter(passMark) : null;
    var current = 0;
    var oneAtATime = false;
    var results = [];

    function inputs(question) { return all(question, "input"); }

    function isRight(question) {
      var wanted = question.getAttribute("data-correct").split(" ").sort().join(" ");
      var chosen = inputs(question).filter(function (i) { return i.checked; })
        .map(function (i) { return i.value; }).sort().join(" ");
      return chosen === wanted;
    }

    function check(index) {
      var question = questions[index];
      var feedback = question.querySelector("[data-quiz-feedback]");
      var chosen = inputs(question).filter(function (i) { return i.checked; });
      feedback.className = "kit-quiz__feedback";
      if (!chosen.length) {
        feedback.textContent = text("none");
        feedback.focus();
        return;
      }
      var right = isRight(question);
      results[index] = right;
      var explanations = all(question, "[data-quiz-explanation]");
      feedback.textContent = "";
      var verdict = document.createElement("p");
      verdict.className = "kit-quiz__verdict";
      verdict.textContent = right ? text("right") : text("wrong");
      feedback.appendChild(verdict);
      var shown = right ? chosen : inputs(question);
      shown.forEach(function (input) {
        var item = explanations[parseInt(input.value, 10)];
        if (!item) return;
        // the choice in bold, then its explanation (the verdict above already says right or wrong)
        var line = document.createElement("p");
        var choice = document.createElement("strong");
        choice.textContent = item.querySelector("[data-quiz-choice]").textContent;
        line.appendChild(choice);
        line.appendChild(document.createTextNode(" " + item.querySelector("[data-quiz-why]").textContent));
        feedback.appendChild(line);
      });
      feedback.className = "kit-quiz__feedback " + (right ? "kit-quiz__feedback--right" : "kit-quiz__feedback--wrong");
      inputs(question).forEach(function (input) { input.disabled = true; });
      question.querySelector("[data-quiz-check]").hidden = true;
      feedback.focus();
      if (results.filter(function (r) { return r !== undefined; }).length === questions.length) showScore();
    }

    function showScore() {
      var right = results.filter(function (r) { return r === true; }).length;
      var percent = Math.round((right * 100) / questions.length);
      // the rule of Quiz.passed (sitekit.kits.quiz): right answers against the pass mark, before any rounding
      var passed = right * 100 >= passMark * questions.length;
      score.textContent = format(text("score"), { right: right, total: questions.length, percent: percent }) + " " +
        format(text(passed ? "passed" : "failed"), { mark: passMark });
      score.focus();
      if (reporter) reporter.score(percent, passed);
    }

    function show(index) {
      current = Math.max(0, Math.min(index, questions.length - 1));
      questions.forEach(function (question, i) { question.hidden = oneAtATime && i !== current; });
      previous.hidden = !oneAtATime || current === 0;
      next.hidden = !oneAtATime || current === questions.length - 1;
    }

    function focusQuestion(index) {
      var first = inputs(questions[index]).filter(function (i) { return !i.disabled; })[0] ||
        questions[index].querySelector("[data-quiz-feedback]");
      if (first) first.focus();
    }

    function reset() {
      results = [];
      form.reset();
      questions.forEach(function (question) {
        inputs(question).forEach(function (input) { input.disabled = false; });
        question.querySelector("[data-quiz-check]").hidden = false;
        var feedback = question.querySelector("[data-quiz-feedback]");
        feedback.textContent = "";
        feedback.className = "kit-quiz__feedback";
        var answer = question.querySelector("[data-quiz-answer]");
        if (answer) answer.open = false;
      });
      score.textContent = "";
      show(0);
      focusQuestion(0);
    }

    questions.forEach(function (question, index) {
      var button = question.querySelector("[data-quiz-check]");
      button.hidden = false;
      button.addEventListener("click", function () { check(index); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    mode.addEventListener("click", function () {
      oneAtATime = !oneAtATime;
      mode.setAttribute("aria-pressed", oneAtATime ? "true" : "false");
      show(current);
    });
    previous.addEventListener("click", function () { show(current - 1); focusQuestion(current); });
    next.addEventListener("click", function () { show(current + 1); focusQuestion(current); });
    finish.addEventListener("click", function () {
      questions.forEach(function (question, index) { if (results[index] === undefined) results[index] = false; });
      showScore();
    });
    restart.addEventListener("click", reset);
    if (reporter) {
      window.addEventListener("pagehide", function () { reporter.finish(); });
    }
    controls.hidden = false;
    show(0);
  }

  function start() {
    all(document, "[data-quiz]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
