// The device check: camera preview, a live microphone level, a test tone
// and a download to time the connection. Nothing leaves the browser but
// the download request.
(function () {
  "use strict";
  var root = document.querySelector(".device-check");
  if (!root) return;
  var statusText = document.getElementById("camera-status");
  var meter = document.getElementById("mic-level");
  var video = document.getElementById("preview");
  var texts = {
    sv: {
      ok: "Kameran och mikrofonen fungerar. Prata och se nivån röra sig.",
      denied: "Webbläsaren fick inte använda kameran eller mikrofonen. Se hjälpen nedan: tillåt dem och ladda om sidan.",
      missing: "Ingen kamera eller mikrofon hittades. Se hjälpen nedan.",
      busy: "Kameran används av ett annat program. Stäng det och försök igen.",
      unsupported: "Den här webbläsaren kan inte använda kameran här. Prova en ny Chrome, Edge, Firefox eller Safari.",
      fast: "Din uppkoppling räcker gott för ett videosamtal (%s Mbit/s).",
      slow: "Din uppkoppling är långsam (%s Mbit/s). Sätt dig nära wifi-routern eller använd kabel.",
      failed: "Vi kunde inte nå servern. Kontrollera att du är uppkopplad."
    },
    en: {
      ok: "Your camera and microphone work. Speak and watch the level move.",
      denied: "The browser was not allowed to use the camera or microphone. See the help below: allow them and reload the page.",
      missing: "No camera or microphone was found. See the help below.",
      busy: "Another program is using the camera. Close it and try again.",
      unsupported: "This browser cannot use the camera here. Try a recent Chrome, Edge, Firefox or Safari.",
      fast: "Your connection is fine for a video call (%s Mbit/s).",
      slow: "Your connection is slow (%s Mbit/s). Sit near the wifi router or use a cable.",
      failed: "We could not reach the server. Check that you are online."
    }
  };
  var t = texts[(document.documentElement.lang || "sv").slice(0, 2)] || texts.sv;

  function say(node, text) { node.textContent = text; }

  function showLevel(stream) {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var audio = new Context();
    var analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    audio.createMediaStreamSource(stream).connect(analyser);
    var data = new Uint8Array(analyser.fftSize);
    function tick() {
      analyser.getByteTimeDomainData(data);
      var peak = 0;
      for (var i = 0; i < data.length; i++) peak = Math.max(peak, Math.abs(data[i] - 128));
      meter.value = Math.min(100, Math.round(peak / 128 * 100 * 2));
      meter.textContent = meter.value;
      requestAnimationFrame(tick);
    }
    tick();
  }

  document.getElementById("start-check").addEventListener("click", function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(statusText, t.unsupported);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (stream) {
      video.srcObject = stream;
      showLevel(stream);
      root.dataset.camera = "live";
      say(statusText, t.ok);
    }).catch(function (error) {
      var name = error && error.name;
      root.dataset.camera = "failed";
      if (name === "NotAllowedError" || name === "SecurityError") say(statusText, t.denied);
      else if (name === "NotFoundError" || name === "OverconstrainedError") say(statusText, t.missing);
      else if (name === "NotReadableError") say(statusText, t.busy);
      else say(statusText, t.unsupported);
    });
  });

  document.getElementById("play-tone").addEventListener("click", function () {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var audio = new Context();
    var tone = audio.createOscillator();
    var gain = audio.createGain();
    tone.frequency.value = 440;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 1);
  });

  document.getElementById("check-connection").addEventListener("click", function () {
    var out = document.getElementById("connection-status");
    var started = performance.now();
    fetch(root.dataset.ping + "?n=" + Date.now(), { cache: "no-store" }).then(function (response) {
      return response.arrayBuffer();
    }).then(function (body) {
      var seconds = Math.max((performance.now() - started) / 1000, 0.001);
      var mbit = (body.byteLength * 8 / seconds / 1e6).toFixed(1);
      root.dataset.connection = "done";
      say(out, (mbit >= 1.5 ? t.fast : t.slow).replace("%s", mbit));
    }).catch(function () { say(out, t.failed); });
  });
})();
