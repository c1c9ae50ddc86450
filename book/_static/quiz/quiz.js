// Self-check quizzes (book/_ext/quizzes.py): show the feedback for the answer the reader chose.
// Everything needed is already in the page; nothing is sent anywhere and nothing is stored.
"use strict";
(function () {
  function score(set) {
    const questions = set.querySelectorAll("form.quiz-question");
    const answered = set.querySelectorAll("form.quiz-question[data-answered]");
    const right = set.querySelectorAll("form.quiz-question[data-answered='right']");
    const line = set.querySelector(".quiz-score");
    if (line && answered.length) {
      line.textContent = "Checked " + answered.length + " of " + questions.length +
        " questions; " + right.length + " right at the last check.";
    }
  }

  function check(form) {
    const chosen = form.querySelector("input[type=radio]:checked");
    const verdict = form.querySelector(".quiz-verdict");
    const explanation = form.querySelector(".quiz-explanation");
    form.querySelectorAll(".quiz-why").forEach(function (why) { why.hidden = true; });
    form.querySelectorAll(".quiz-option").forEach(function (row) {
      row.classList.remove("quiz-chosen-right", "quiz-chosen-wrong");
    });
    if (!chosen) {
      verdict.textContent = "Choose an answer first.";
      verdict.className = "quiz-verdict";
      explanation.hidden = true;
      return;
    }
    const right = chosen.hasAttribute("data-correct");
    const row = chosen.closest(".quiz-option");
    row.classList.add(right ? "quiz-chosen-right" : "quiz-chosen-wrong");
    const why = row.querySelector(".quiz-why");
    if (why) why.hidden = false;
    verdict.textContent = right ? "Right." : "Not quite: try again, or read the explanation.";
    verdict.className = "quiz-verdict " + (right ? "quiz-right" : "quiz-wrong");
    explanation.hidden = false;
    form.setAttribute("data-answered", right ? "right" : "wrong");
    score(form.closest(".quiz-set"));
  }

  document.querySelectorAll("form.quiz-question").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form);
    });
  });
})();
