/* Pipeline board from the keyboard.
 *
 * The arrow keys move between the cards of a stage (up and down) and between
 * stages (left and right); Home and End go to the first and last card. Only
 * the card you are on has its controls in the Tab order (a roving
 * tabindex), so Tab leaves the board in a few presses instead of four per
 * card. Each stage's list stays a Tab stop of its own, and a polite status
 * line says where you are. Without JavaScript the "jump to a stage" links
 * and the lists' own Tab stops do the same job. */
(function () {
  "use strict";

  var CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea";
  var ITEM = ".board-card, .board-more";
  var active = null; // the item whose controls are in the Tab order

  function board() {
    return document.getElementById("board");
  }

  function lists() {
    return Array.prototype.slice.call(board().querySelectorAll(".board-cards"));
  }

  function items(list) {
    return Array.prototype.filter.call(list.children, function (li) {
      return li.matches(ITEM);
    });
  }

  function tabbable(item, on) {
    item.querySelectorAll(CONTROLS).forEach(function (control) {
      if (on) control.removeAttribute("tabindex");
      else control.setAttribute("tabindex", "-1");
    });
  }

  function activate(item) {
    if (active === item) return;
    if (active && board().contains(active)) tabbable(active, false);
    active = item;
    if (item) tabbable(item, true);
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_all, name) {
      return String(values[name]);
    });
  }

  function say(text) {
    var status = document.getElementById("board-status");
    if (status) status.textContent = text;
  }

  function stageName(list) {
    var heading = document.getElementById(list.getAttribute("aria-labelledby"));
    var name = heading ? heading.firstChild : null;
    return name ? name.textContent.trim() : "";
  }

  function announce(list, item) {
    var root = board();
    var stage = stageName(list);
    if (!item) {
      say(fill(root.getAttribute("data-empty-text") || "", { stage: stage }));
    } else if (item.matches(".board-card")) {
      var count = root.querySelector("[data-count-for='" + list.getAttribute("data-stage") + "']");
      var total = count ? count.textContent.trim() : items(list).length;
      var n = items(list).indexOf(item) + 1;
      say(fill(root.getAttribute("data-position-text") || "", { stage: stage, n: n, total: total }));
    }
  }

  function go(list, index) {
    var all = items(list);
    if (!all.length) {
      list.focus();
      announce(list, null);
      return;
    }
    var item = all[Math.max(0, Math.min(index, all.length - 1))];
    activate(item);
    var target = item.querySelector(".board-card-name") || item.querySelector("a[href]") || item;
    target.focus();
    announce(list, item);
  }

  function onKey(evt) {
    if (evt.altKey || evt.ctrlKey || evt.metaKey || evt.shiftKey) return;
    var el = evt.target;
    // A stage list or a text box keeps its own arrow keys.
    if (el.matches("select, textarea, input:not([type=checkbox])")) return;
    var list = el.closest(".board-cards");
    if (!list || !board() || !board().contains(list)) return;
    var all = lists();
    var column = all.indexOf(list);
    var item = el === list ? null : el.closest(ITEM);
    var index = item ? items(list).indexOf(item) : -1;
    var key = evt.key;
    if (key === "ArrowDown") go(list, index + 1);
    else if (key === "ArrowUp") go(list, index - 1);
    else if (key === "Home") go(list, 0);
    else if (key === "End") go(list, items(list).length - 1);
    else if (key === "ArrowRight" && column < all.length - 1) go(all[column + 1], Math.max(index, 0));
    else if (key === "ArrowLeft" && column > 0) go(all[column - 1], Math.max(index, 0));
    else return;
    evt.preventDefault();
  }

  function onFocus(evt) {
    var el = evt.target;
    if (!board() || !board().contains(el)) return;
    if (el.matches(".board-cards")) {
      // Tab from a stage's list goes on into its first card.
      var first = items(el)[0];
      if (first) activate(first);
      return;
    }
    var item = el.closest(ITEM);
    if (item) activate(item);
  }

  // Every item out of the Tab order but one: the one that had it, else the
  // first card on the board.
  function init() {
    var root = board();
    if (!root) return;
    var keep = active && root.contains(active) ? active : null;
    active = null;
    root.querySelectorAll(ITEM).forEach(function (item) {
      tabbable(item, false);
    });
    activate(keep || root.querySelector(".board-cards > .board-card"));
    var help = document.getElementById("board-keys");
    if (help) {
      help.hidden = false;
      root.setAttribute("aria-describedby", "board-keys");
    }
  }

  document.addEventListener("keydown", onKey);
  document.addEventListener("focusin", onFocus);
  // A move or "show more" replaces part of the board; board.js then puts the
  // focus back on the card, which makes it the active one again.
  document.addEventListener("htmx:afterSwap", init);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
