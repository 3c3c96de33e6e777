// Staff pages. Confirmations are on the page itself (<details
// class="inline-confirm">), so they work without JavaScript and no browser
// dialog is ever shown.
(function () {
  "use strict";
  // On a phone the main menu folds behind a "Menu" button. Without
  // JavaScript the button stays hidden and the menu simply wraps.
  var menuButton = document.querySelector(".staff-header .menu-button");
  if (menuButton) {
    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      var open = menuButton.getAttribute("aria-expanded") === "true";
      menuButton.setAttribute("aria-expanded", open ? "false" : "true");
    });
  }

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
