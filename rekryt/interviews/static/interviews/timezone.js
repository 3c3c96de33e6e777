// Suggest the browser's own time zone once: the page works without this
// (times in Swedish time, with a menu to choose another zone).
(function () {
  "use strict";
  var form = document.querySelector(".tz-form");
  if (!form || form.dataset.tzSet === "1" || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var select = form.querySelector("select");
  if (!zone || !select || select.value === zone) return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      form.submit();
      return;
    }
  }
})();
