// Live reports and the breaking-news ticker (issue 14). Both work without
// this file: a live report's page shows every update on a refresh, and the
// ticker is a plain list of links.
(function () {
  "use strict";

  // --- Live report: follow the Server-Sent Events stream. ---
  var live = document.querySelector("[data-live]");
  if (live && !live.hasAttribute("data-ended") && window.EventSource) {
    var list = live.querySelector("[data-live-list]");
    var status = live.querySelector("[data-live-status]");
    var badge = live.querySelector("[data-live-badge]");
    var base = live.getAttribute("data-live");
    var seq = live.getAttribute("data-seq") || "0";
    var es = null, wait = 5000;

    var parse = function (html) {
      var t = document.createElement("template");
      t.innerHTML = html; // rendered and sanitised by the server
      return t.content.firstElementChild;
    };
    var say = function (text) { if (status) status.textContent = text; };
    var place = function (li, time) {
      // Newest first: before the first update that is older.
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        if (Number(items[i].getAttribute("data-time")) < time) { list.insertBefore(li, items[i]); return; }
      }
      list.appendChild(li);
    };
    var track = function (e) { if (e.lastEventId) seq = e.lastEventId; };

    var connect = function () {
      es = new EventSource(base + "?sejak=" + encodeURIComponent(seq));
      live.setAttribute("data-stream", "connecting");
      es.onopen = function () { wait = 5000; live.setAttribute("data-stream", "open"); };
      es.addEventListener("update", function (e) {
        track(e);
        var d = JSON.parse(e.data), li = parse(d.html);
        if (!li) return;
        var old = document.getElementById("pembaruan-" + d.id);
        var empty = live.querySelector("[data-live-empty]");
        if (empty) empty.remove();
        if (old) { old.replaceWith(li); return; }
        li.classList.add("is-new");
        place(li, d.time);
        var t = li.querySelector("time strong");
        say("Pembaruan baru" + (t ? " pukul " + t.textContent : "") + ".");
      });
      es.addEventListener("delete", function (e) {
        track(e);
        var d = JSON.parse(e.data), old = document.getElementById("pembaruan-" + d.id);
        if (old) old.remove();
      });
      es.addEventListener("status", function (e) {
        track(e);
        var d = JSON.parse(e.data);
        if (d.text) say(d.text);
        if (d.ended) {
          es.close();
          live.setAttribute("data-ended", "");
          live.classList.add("is-ended");
          live.setAttribute("data-stream", "ended");
          if (badge) badge.textContent = "Selesai";
        }
      });
      es.addEventListener("reload", function () { es.close(); location.reload(); });
      es.onerror = function () {
        // The browser reconnects by itself (with Last-Event-ID) after a
        // dropped stream; after a refusal (a full server) it gives up, so
        // try again later, waiting longer each time.
        if (es.readyState === EventSource.CLOSED && !live.hasAttribute("data-ended")) {
          live.setAttribute("data-stream", "waiting");
          setTimeout(connect, wait);
          wait = Math.min(wait * 2, 120000);
        }
      };
    };
    connect();
  }

  // --- Breaking-news ticker: one headline at a time, with a pause button.
  // Nothing moves for readers who ask for reduced motion, and it stops
  // while the pointer or the keyboard focus is on it. ---
  var ticker = document.querySelector("[data-ticker]");
  var items = ticker ? ticker.querySelectorAll("[data-ticker-list] > li") : [];
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  if (items.length > 1 && !(still && still.matches)) {
    var at = 0, paused = false, held = false;
    var show = function () {
      for (var i = 0; i < items.length; i++) items[i].hidden = i !== at;
      ticker.setAttribute("data-ticker-at", String(at));
    };
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "ticker-pause";
    btn.setAttribute("aria-pressed", "false");
    btn.textContent = "Jeda";
    btn.setAttribute("aria-label", "Jeda pergantian berita");
    btn.addEventListener("click", function () {
      paused = !paused;
      btn.setAttribute("aria-pressed", String(paused));
      btn.textContent = paused ? "Putar" : "Jeda";
      btn.setAttribute("aria-label", paused ? "Putar lagi pergantian berita" : "Jeda pergantian berita");
      ticker.toggleAttribute("data-paused", paused);
    });
    ticker.querySelector(".ticker-bar").appendChild(btn);
    ticker.classList.add("is-rotating");
    ticker.addEventListener("mouseenter", function () { held = true; });
    ticker.addEventListener("mouseleave", function () { held = false; });
    ticker.addEventListener("focusin", function () { held = true; });
    ticker.addEventListener("focusout", function () { held = false; });
    show();
    var timer = setInterval(function () {
      if (paused || held) return;
      at = (at + 1) % items.length;
      show();
    }, 6000);
    if (still && still.addEventListener) {
      still.addEventListener("change", function () {
        if (!still.matches) return;
        clearInterval(timer); // reduced motion now: show them all, still
        for (var i = 0; i < items.length; i++) items[i].hidden = false;
        ticker.classList.remove("is-rotating");
        btn.remove();
      });
    }
  }
})();
