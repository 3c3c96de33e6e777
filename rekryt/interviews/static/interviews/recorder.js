// One-way video answers: think, record with MediaRecorder, watch back,
// send in chunks. A chunk that fails is tried again (the server says how
// much it has, so the upload resumes there); if sending fails for good the
// recording stays in this page and can be saved on the device.
(function () {
  "use strict";
  var root = document.querySelector(".video-questions");
  if (!root || !window.MediaRecorder || !navigator.mediaDevices) return;
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var chunkSize = parseInt(root.dataset.chunk, 10);
  var maxBytes = parseInt(root.dataset.maxBytes, 10);
  function t(name, value) { return (root.dataset["t" + name] || "").replace("{n}", value === undefined ? "" : value); }
  function post(url, body, headers) {
    headers = headers || {};
    headers["X-CSRFToken"] = csrf;
    return fetch(url, { method: "POST", body: body, headers: headers, credentials: "same-origin" });
  }
  function wait(ms) { return new Promise(function (done) { setTimeout(done, ms); }); }

  root.querySelectorAll(".video-question").forEach(function (box) {
    if (box.dataset.done === "1") return;
    var ui = box.querySelector(".recorder");
    ui.hidden = false;
    var status = ui.querySelector(".status");
    var live = ui.querySelector("video.live");
    var buttons = {
      begin: ui.querySelector(".begin"), stop: ui.querySelector(".stop"),
      send: ui.querySelector(".send"), again: ui.querySelector(".again"), keep: ui.querySelector(".keep")
    };
    var recording = null, upload = null, recorder = null, stream = null;
    function show(names) {
      Object.keys(buttons).forEach(function (k) { buttons[k].hidden = names.indexOf(k) < 0; });
    }
    function say(text) { status.textContent = text; }

    function start() {
      show([]);
      // The camera first: a browser that refuses it costs no try.
      navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (s) {
        stream = s;
        return post(box.dataset.start).then(function (r) {
          return r.json().then(function (body) {
            if (!r.ok) {
              s.getTracks().forEach(function (track) { track.stop(); });
              say(t("Notries"));
              return;
            }
            upload = body.upload;
            live.srcObject = s;
            live.muted = true;
            live.controls = false;
            think(parseInt(box.dataset.think, 10));
          });
        });
      }).catch(function () { say(t("Camera")); show(["begin"]); });
    }
    function think(left) {
      ui.querySelector(".question-text").hidden = false;
      if (left <= 0) { record(); return; }
      say(t("Thinking", left));
      setTimeout(function () { think(left - 1); }, 1000);
    }
    function record() {
      var parts = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = function (e) { if (e.data && e.data.size) parts.push(e.data); };
      recorder.onstop = function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        recording = new Blob(parts, { type: recorder.mimeType || "video/webm" });
        live.srcObject = null;
        live.src = URL.createObjectURL(recording);
        live.muted = false;
        live.controls = true;
        buttons.keep.href = live.src;
        say(t("Recorded"));
        show(["send", "again", "keep"]);
        box.dataset.recorded = "1";
      };
      recorder.start(1000);
      show(["stop"]);
      var left = parseInt(box.dataset.answer, 10);
      (function tick() {
        if (recorder.state !== "recording") return;
        if (left <= 0) { recorder.stop(); return; }
        say(t("Recording", left));
        left -= 1;
        setTimeout(tick, 1000);
      })();
    }
    function sendFrom(offset, failures) {
      if (offset >= recording.size) {
        return post(box.dataset.finish, null, { "X-Upload-Id": upload }).then(function (r) {
          if (!r.ok) throw new Error("finish");
        });
      }
      say(t("Uploading", Math.round(offset / recording.size * 100)));
      var piece = recording.slice(offset, offset + chunkSize);
      return post(box.dataset.chunkUrl + "?offset=" + offset, piece, {
        "X-Upload-Id": upload, "Content-Type": "application/octet-stream"
      }).then(function (r) {
        return r.json().then(function (body) {
          if (r.ok || r.status === 409) return sendFrom(body.received, 0);
          throw new Error("refused");
        });
      }, function () {
        if (failures >= 5) throw new Error("offline");
        say(t("Retrying"));
        return wait(1000 * Math.pow(2, failures)).then(function () { return sendFrom(offset, failures + 1); });
      });
    }
    buttons.begin.addEventListener("click", start);
    buttons.stop.addEventListener("click", function () { if (recorder) recorder.stop(); });
    buttons.again.addEventListener("click", function () { live.controls = false; start(); });
    buttons.send.addEventListener("click", function () {
      if (recording.size > maxBytes) { say(t("Failed")); return; }
      show([]);
      sendFrom(0, 0).then(function () {
        say(t("Sent"));
        box.dataset.done = "1";
        box.querySelector(".written").hidden = true;
      }).catch(function () { say(t("Failed")); show(["send", "keep"]); });
    });
  });
})();
