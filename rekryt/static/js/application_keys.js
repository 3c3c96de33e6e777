// Previous / next candidate with J and K on the application page.
// Single-key shortcuts can be turned off (WCAG 2.1.4); the choice is kept
// in this browser. Keys typed into a field, or with a modifier, are left
// alone. Without JavaScript the links do the same.
(function () {
  "use strict";
  var KEY = "rekryt:shortcuts";
  var nav = document.querySelector("[data-shortcuts]");
  if (!nav) return;
  var help = document.getElementById("shortcut-help");
  var toggle = nav.querySelector("[data-shortcuts-toggle]");

  function enabled() {
    try { return window.localStorage.getItem(KEY) !== "off"; } catch (e) { return true; }
  }
  function show() {
    if (!toggle) return;
    toggle.textContent = enabled() ? toggle.dataset.onText : toggle.dataset.offText;
    toggle.setAttribute("aria-pressed", enabled() ? "true" : "false");
  }
  if (help) help.hidden = false;
  show();
  if (toggle) {
    toggle.addEventListener("click", function () {
      try { window.localStorage.setItem(KEY, enabled() ? "off" : "on"); } catch (e) { /* private mode */ }
      show();
    });
  }
  document.addEventListener("keydown", function (event) {
    if (!enabled() || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))) return;
    var link = nav.querySelector('[data-shortcut="' + event.key.toLowerCase() + '"]');
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });
})();
