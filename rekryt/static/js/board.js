/* Pipeline board: drag cards between stage columns with SortableJS.
 *
 * A drop POSTs the target stage to the card's own "Move to" form action and
 * asks for JSON; on failure the card goes back where it was and the reason is
 * announced. The "Move to" forms work on their own (htmx or a plain POST),
 * so nothing here is needed to use the board from a keyboard. */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function announce(text, isError) {
    var status = document.getElementById("board-status");
    if (!status) return;
    status.textContent = "";
    var line = document.createElement(isError ? "strong" : "span");
    if (isError) line.className = "error";
    line.textContent = text;
    status.appendChild(line);
  }

  // Column titles carry data-count-for, the "jump to a stage" links data-count-of.
  function updateCounts(counts) {
    document.querySelectorAll("[data-count-for], [data-count-of]").forEach(function (el) {
      var n = counts[el.getAttribute("data-count-for") || el.getAttribute("data-count-of")];
      el.textContent = String(n || 0);
    });
  }

  function putBack(evt) {
    var before = evt.from.children[evt.oldIndex] || null;
    evt.from.insertBefore(evt.item, before);
  }

  // The moved card's "email goes out at …" line with its preview and undo,
  // rendered (and escaped) by the server.
  function showPending(card, html) {
    var old = card.querySelector(".board-card-pending");
    if (old) old.remove();
    if (!html) return;
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var line = holder.firstElementChild;
    if (!line) return;
    var meta = card.querySelector(".board-card-meta");
    card.insertBefore(line, meta ? meta.nextSibling : null);
    if (window.htmx) window.htmx.process(line);
  }

  function onDrop(evt) {
    if (evt.from === evt.to) return;
    var card = evt.item;
    var form = card.querySelector("form.move-form");
    var board = document.getElementById("board");
    var failed = (board && board.getAttribute("data-move-failed")) || "";
    var stage = evt.to.getAttribute("data-stage");
    if (!form || !stage) {
      putBack(evt);
      return;
    }
    var body = new FormData();
    body.append("stage", stage);
    body.append("csrfmiddlewaretoken", csrfToken());
    card.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    })
      .then(function (response) {
        return response.json().then(
          function (data) { return { ok: response.ok && data.ok, data: data }; },
          function () { return { ok: false, data: {} }; }
        );
      })
      .then(function (result) {
        if (!result.ok) throw new Error(result.data.message || failed);
        // Newest in stage first: the moved card goes to the top of its column.
        evt.to.insertBefore(card, evt.to.firstElementChild);
        var select = form.querySelector("select[name=stage]");
        if (select) select.value = stage;
        var days = card.querySelector("[data-days]");
        if (days && result.data.days_text) days.textContent = result.data.days_text;
        showPending(card, result.data.pending_html || "");
        updateCounts(result.data.counts || {});
        announce(result.data.message || "", false);
      })
      .catch(function (error) {
        putBack(evt);
        announce(error && error.message ? error.message : failed, true);
      })
      .then(function () {
        card.removeAttribute("aria-busy");
      });
  }

  function init(root) {
    if (typeof Sortable === "undefined") return;
    var board = document.getElementById("board");
    if (!board || !board.hasAttribute("data-draggable")) return;
    root.querySelectorAll(".board-cards").forEach(function (list) {
      if (Sortable.get(list)) return;
      Sortable.create(list, {
        group: "board",
        sort: false,
        draggable: ".board-card",
        // Let the stage list and buttons inside a card work as usual.
        filter: "select, option, button, input, label",
        preventOnFilter: false,
        animation: 120,
        // On touch screens a short hold starts a drag, so a swipe still scrolls.
        delay: 200,
        delayOnTouchOnly: true,
        onEnd: onDrop,
      });
    });
  }

  // Keyboard moves and "show more" replace parts of the board: start Sortable
  // on the new lists and give focus back to where the user was.
  var focusAfterSwap = null;

  document.addEventListener("htmx:beforeRequest", function (evt) {
    var elt = evt.detail.elt;
    if (elt.matches && elt.matches("form.move-form, form.undo-form")) {
      var card = elt.closest(".board-card");
      focusAfterSwap = card ? { card: card.id } : null;
    } else if (elt.closest && elt.closest(".board-more")) {
      var more = elt.closest(".board-more");
      var previous = more.previousElementSibling;
      focusAfterSwap = { after: previous ? previous.id : null, list: more.parentElement };
    }
  });

  // Bulk selection: the button says how many cards are ticked. The checkboxes
  // belong to the form by their `form` attribute, so this is only a hint.
  function countSelected() {
    var button = document.querySelector("[data-selected-count]");
    if (!button) return;
    if (!button.hasAttribute("data-plain-text")) {
      button.setAttribute("data-plain-text", button.textContent);
    }
    var n = document.querySelectorAll(".board-card-select:checked").length;
    var text = button.getAttribute("data-count-text") || "";
    button.textContent = n ? text.replace("%(n)s", String(n)) : button.getAttribute("data-plain-text");
  }

  document.addEventListener("change", function (evt) {
    if (evt.target.classList && evt.target.classList.contains("board-card-select")) countSelected();
  });

  document.addEventListener("htmx:afterSettle", function () {
    countSelected();
    init(document);
    var target = focusAfterSwap;
    focusAfterSwap = null;
    if (!target) return;
    var link = null;
    if (target.card) {
      link = document.querySelector("#" + target.card + " .board-card-name");
    } else if (target.list) {
      var anchor = target.after ? document.getElementById(target.after) : null;
      var next = anchor ? anchor.nextElementSibling : target.list.firstElementChild;
      link = next ? next.querySelector("a") : null;
    }
    if (link) link.focus();
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
