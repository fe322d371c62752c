// Live queue: re-fetch the server-rendered (already escaped) rows every few seconds
// and swap them in only when they changed. No framework, no third-party code (CSP: 'self').
(function () {
  "use strict";
  var box = document.getElementById("queue");
  if (!box) { return; }
  var url = box.getAttribute("data-poll");
  var last = null;
  function version() {
    var c = document.getElementById("queue-counts");
    return c ? c.getAttribute("data-version") : null;
  }
  last = version();
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) {
        // A session that expired is redirected to the login page: follow it visibly.
        if (r.redirected || r.status === 401) { window.location.assign("/login"); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        var tmp = document.createElement("div");
        tmp.innerHTML = html;
        var c = tmp.querySelector("#queue-counts");
        var v = c ? c.getAttribute("data-version") : null;
        if (v !== last) { box.innerHTML = html; last = v; }
      })
      .catch(function () { /* transient network error: try again next tick */ });
  }
  setInterval(tick, 2000);
})();
