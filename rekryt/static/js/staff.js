// Staff pages. Confirmations are on the page itself (<details
// class="inline-confirm">), so they work without JavaScript and no browser
// dialog is ever shown.
(function () {
  "use strict";
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
