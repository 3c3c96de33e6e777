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
  var path = window.location.pathname;
  var best = null;
  document.querySelectorAll(".staff-header nav a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (path.indexOf(href) === 0 && (!best || href.length > best.getAttribute("href").length)) {
      best = link;
    }
  });
  if (best) {
    best.setAttribute("aria-current", best.getAttribute("href") === path ? "page" : "true");
  }
}());
