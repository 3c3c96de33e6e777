// The campaign page: "Copy" buttons next to each short link and share
// text. Without JavaScript the buttons stay hidden and the fields are plain
// read-only text to select; with it, a click copies and says so.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  document.querySelectorAll("button.copy-button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) {
          status.textContent = status.dataset.done;
        }
      }, function () {
        field.select();
      });
    });
  });
})();
