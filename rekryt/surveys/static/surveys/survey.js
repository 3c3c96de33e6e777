// Show the follow-up question for the band of the chosen score.
(function () {
  "use strict";
  var box = document.getElementById("follow-up");
  var hint = document.getElementById("follow-up-hint");
  if (!box || !hint) return;
  function band(score) {
    if (score >= 9) return "promoter";
    if (score >= 7) return "passive";
    return "detractor";
  }
  document.querySelectorAll('input[name="score"]').forEach(function (radio) {
    radio.addEventListener("change", function () {
      hint.textContent = box.dataset[band(parseInt(radio.value, 10))];
    });
  });
})();
