// Staff pages: ask before destructive or public actions. A button (or form)
// with data-confirm="Question?" submits only after the person agrees.
// Without JavaScript the form simply submits; the server still checks everything.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Mark the current section in the main navigation for screen readers and sight.
  // A link whose section is wider than its own address says so in data-section.
  var path = window.location.pathname;
  var best = null;
  var bestLength = 0;
  document.querySelectorAll(".staff-header nav a[href]").forEach(function (link) {
    var section = link.dataset.section || link.getAttribute("href");
    if (path.indexOf(section) === 0 && section.length > bestLength) {
      best = link;
      bestLength = section.length;
    }
  });
  if (best) {
    best.setAttribute("aria-current", best.getAttribute("href") === path ? "page" : "true");
  }
}());
