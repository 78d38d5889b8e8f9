// Warta: small progressive enhancements. Every form works without this
// script; with it, reactions, votes and comments are sent in the background
// and the counts change in place.
(function () {
  "use strict";
  var fmt = new Intl.NumberFormat("id-ID");

  // post sends a form in the background. A browser that had no reader
  // cookie yet gets one with a "cookie_required" answer; sending once more
  // counts.
  function post(form, extra, retried) {
    var body = new URLSearchParams(new FormData(form));
    if (extra) Object.keys(extra).forEach(function (k) { body.set(k, extra[k]); });
    return fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (j) { return { status: res.status, body: j }; });
    }).then(function (r) {
      if (!retried && r.status === 400 && r.body.error && r.body.error.code === "cookie_required") return post(form, extra, true);
      return r;
    });
  }

  function say(form, text, cls) {
    var box = form.querySelector("[data-msg]");
    if (!box) {
      box = document.createElement("p");
      box.setAttribute("data-msg", "");
      box.setAttribute("role", "status");
      form.insertBefore(box, form.firstChild.nextSibling);
    }
    box.className = cls || "notice";
    box.textContent = text;
  }

  // Reactions: like / dislike, pressing again takes it back.
  document.querySelectorAll('form[data-js="react"]').forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      var btn = ev.submitter;
      if (!btn) return;
      ev.preventDefault();
      post(form, { reaction: btn.value }).then(function (r) {
        if (r.status !== 200) { say(form, (r.body.error && r.body.error.message) || "Reaksi gagal dikirim.", "error"); return; }
        var d = r.body.data;
        form.querySelector("[data-likes]").textContent = fmt.format(d.likes);
        form.querySelector("[data-dislikes]").textContent = fmt.format(d.dislikes);
        form.querySelectorAll("button").forEach(function (b) {
          if (b.value === d.reaction) b.setAttribute("aria-pressed", "true"); else b.removeAttribute("aria-pressed");
        });
      });
    });
    // Count the view from the page when a CDN serves it.
    var beacon = form.getAttribute("data-beacon");
    if (beacon && navigator.sendBeacon) navigator.sendBeacon(beacon);
  });

  // A result bar drawn as the server draws it: an SVG whose rect width is the
  // percentage (attributes, not inline styles, so the CSP allows it).
  var svgNS = "http://www.w3.org/2000/svg";
  function pollBar(percent) {
    var bar = document.createElementNS(svgNS, "svg");
    bar.setAttribute("class", "poll-bar"); bar.setAttribute("viewBox", "0 0 100 1");
    bar.setAttribute("preserveAspectRatio", "none"); bar.setAttribute("aria-hidden", "true"); bar.setAttribute("focusable", "false");
    var fill = document.createElementNS(svgNS, "rect");
    fill.setAttribute("width", String(percent)); fill.setAttribute("height", "1");
    bar.appendChild(fill);
    return bar;
  }

  // Polls: vote, then draw the results in place.
  document.querySelectorAll('form[data-js="vote"]').forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      post(form).then(function (r) {
        if (r.status !== 200) { say(form, (r.body.error && r.body.error.message) || "Suara gagal dikirim.", "error"); return; }
        var p = r.body.data, ul = document.createElement("ul");
        ul.className = "poll-results";
        p.options.forEach(function (o) {
          var li = document.createElement("li");
          if (o.mine) li.className = "mine";
          var label = document.createElement("span"); label.className = "poll-label"; label.textContent = o.label + (o.mine ? " (pilihan Anda)" : "");
          var pct = document.createElement("span"); pct.className = "poll-pct"; pct.textContent = "\u00a0" + o.percent + "%"; // kept apart from the label in the text a grid drops spaces from
          var bar = pollBar(o.percent);
          var votes = document.createElement("span"); votes.className = "small"; votes.textContent = fmt.format(o.votes) + " suara";
          li.append(label, " ", pct, bar, votes);
          ul.appendChild(li);
        });
        var total = document.createElement("p");
        total.className = "small";
        total.setAttribute("role", "status");
        total.textContent = "Total " + fmt.format(p.total) + " suara. Terima kasih, suara Anda sudah tercatat.";
        form.replaceWith(ul, total);
      });
    });
  });

  // Comments: send in the background; a held comment shows as waiting.
  document.querySelectorAll('form[data-js="comment"]').forEach(function (form) {
    var parent = form.querySelector('input[name="parent_id"]');
    var replyTo = form.querySelector("[data-reply-to]");
    document.querySelectorAll("[data-reply]").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        parent.value = a.getAttribute("data-reply");
        replyTo.hidden = false;
        replyTo.textContent = "Membalas " + a.getAttribute("data-name") + ". ";
        var cancel = document.createElement("a"); cancel.href = "#tulis-komentar"; cancel.textContent = "Batal";
        cancel.addEventListener("click", function (e) { e.preventDefault(); parent.value = ""; replyTo.hidden = true; });
        replyTo.appendChild(cancel);
        form.querySelector("textarea").focus();
      });
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var btn = form.querySelector('button[type="submit"]');
      btn.disabled = true;
      post(form).then(function (r) {
        btn.disabled = false;
        if (r.status !== 201 && r.status !== 202) {
          say(form, "Komentar belum terkirim: " + ((r.body.error && r.body.error.message) || "coba lagi.") , "error");
          return;
        }
        var d = r.body.data, li = document.createElement("li");
        li.className = "comment" + (r.status === 202 ? " is-pending" : "");
        li.id = "komentar-" + d.id;
        var head = document.createElement("p"); head.className = "comment-head";
        var name = document.createElement("strong"); name.textContent = d.name; head.appendChild(name);
        if (r.status === 202) { var b = document.createElement("span"); b.className = "badge-soft"; b.textContent = "menunggu moderasi"; head.append(" ", b); }
        var body = document.createElement("div"); body.className = "comment-body";
        body.innerHTML = d.html; // escaped and linkified by the server
        li.append(head, body);
        var list = document.querySelector("[data-comment-list]");
        if (d.parent_id) {
          var host = document.getElementById("komentar-" + d.parent_id), sub = host && host.querySelector(".replies");
          if (host && !sub) { sub = document.createElement("ol"); sub.className = "replies"; host.appendChild(sub); }
          if (sub) sub.appendChild(li);
        } else {
          if (!list) {
            list = document.createElement("ol"); list.className = "comment-list"; list.setAttribute("data-comment-list", "");
            var empty = document.querySelector("[data-comment-empty]");
            if (empty) empty.replaceWith(list); else form.parentNode.insertBefore(list, form);
          }
          list.insertBefore(li, list.firstChild);
        }
        if (r.status === 201) {
          var count = document.querySelector("[data-comment-count]");
          var n = parseInt(count.textContent.replace(/\./g, ""), 10) || 0;
          count.textContent = fmt.format(n + 1);
          say(form, "Terima kasih, komentar Anda sudah tampil.");
        } else {
          say(form, "Terima kasih, komentar Anda menunggu moderasi dan akan tampil setelah disetujui.");
        }
        form.querySelector("textarea").value = "";
        parent.value = ""; replyTo.hidden = true;
      });
    });
  });
})();

// --- share bar (issue 14): the links work without this; with it "Salin
// tautan" copies the canonical URL, and where the browser has a share sheet
// (phones) "Lainnya" opens it. Nothing is sent anywhere by this code.
(function () {
  "use strict";
  document.querySelectorAll(".share-bar[data-share-url]").forEach(function (bar) {
    var url = bar.getAttribute("data-share-url"), title = bar.getAttribute("data-share-title") || document.title;
    var msg = bar.querySelector("[data-share-msg]");
    function say(text) { if (msg) msg.textContent = text; }
    var copy = bar.querySelector("a[data-copy]");
    if (copy) copy.addEventListener("click", function (ev) {
      ev.preventDefault();
      var done = function () { say("Tautan disalin: " + url); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { copyByHand(url) ? done() : say("Salin tautan ini: " + url); });
      } else if (copyByHand(url)) {
        done();
      } else {
        say("Salin tautan ini: " + url);
      }
    });
    var native = bar.querySelector("[data-share-native]");
    if (native && navigator.share) {
      native.hidden = false;
      native.querySelector("button").addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () { /* the reader closed the sheet */ });
      });
    }
  });
  // copyByHand copies through a selected text field, for pages served over
  // plain HTTP where the Clipboard API is not offered.
  function copyByHand(text) {
    var field = document.createElement("textarea");
    field.value = text; field.setAttribute("readonly", ""); field.className = "sr-only";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    field.remove();
    return ok;
  }

  // --- "Muat lebih banyak" (issue 14): the link goes to the next page
  // without this script; with it the next cards are fetched as a fragment
  // (?bagian=daftar), appended in place, announced, and the focus moves to
  // the first of them. The address bar takes the next page's own address
  // (not on the home page), so a shared or reloaded link shows it.
  function moreLinks(scope) {
    scope.querySelectorAll("a[data-more-src]").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        var box = link.closest("[data-more-box]"), list = box && box.parentNode.querySelector("[data-more-list]");
        if (!list || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
        ev.preventDefault();
        if (link.getAttribute("aria-busy") === "true") return;
        link.setAttribute("aria-busy", "true");
        var status = box.parentNode.querySelector("[data-more-status]");
        if (!status) {
          status = document.createElement("p");
          status.className = "sr-only"; status.setAttribute("role", "status"); status.setAttribute("data-more-status", "");
          list.parentNode.insertBefore(status, box);
        }
        status.textContent = "Memuat berita…";
        fetch(link.getAttribute("data-more-src"), { credentials: "same-origin" }).then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          return res.text();
        }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var items = doc.querySelector("[data-more-items]");
          if (!items) throw new Error("no items");
          var first = null, n = 0, scope = list.closest("main") || document;
          Array.prototype.slice.call(items.children).forEach(function (card) {
            var id = card.getAttribute("data-id");
            if (id && scope.querySelector('article[data-id="' + id + '"]')) return; // already shown (a lead story, or one published meanwhile moved the pages)
            list.appendChild(document.adoptNode(card));
            if (!first) first = card;
            n++;
          });
          var pagerOld = scope.querySelector("nav.pager"), pagerNew = doc.querySelector("nav.pager");
          if (pagerOld && pagerNew) pagerOld.replaceWith(document.adoptNode(pagerNew));
          else if (pagerOld) pagerOld.remove();
          var next = doc.querySelector("[data-more-box]");
          if (!link.hasAttribute("data-more-keep") && window.history && history.replaceState) history.replaceState(null, "", link.href);
          if (next) {
            next = document.adoptNode(next);
            if (link.hasAttribute("data-more-keep")) next.querySelector("a").setAttribute("data-more-keep", "");
            box.replaceWith(next);
            moreLinks(next);
          } else {
            box.remove();
          }
          status.textContent = n + " berita lagi dimuat." + (next ? "" : " Tidak ada berita lagi.");
          var target = first && first.querySelector("h3 a");
          if (target) target.focus();
        }).catch(function () {
          window.location.href = link.href; // the plain page still works
        });
      });
    });
  }
  moreLinks(document);
})();

// --- embeds (issue 14): a card links to the post (all there is without
// this script); "Tampilkan di sini" puts the provider's player in an iframe
// only then. The address comes from the card the server wrote, and only on
// the providers the CSP's frame-src names.
(function () {
  "use strict";
  var allowed = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|platform\.twitter\.com\/embed\/|www\.instagram\.com\/p\/|www\.tiktok\.com\/embed\/)/;
  document.querySelectorAll("figure.embed[data-embed-src]").forEach(function (fig) {
    var src = fig.getAttribute("data-embed-src"), kind = fig.getAttribute("data-embed");
    var card = fig.querySelector(".embed-card");
    if (!allowed.test(src) || !card) return;
    var provider = (fig.querySelector(".embed-provider") || {}).textContent || "";
    var title = (fig.querySelector(".embed-title") || {}).textContent || provider;
    var btn = document.createElement("button");
    btn.type = "button"; btn.className = "embed-load";
    btn.textContent = "Tampilkan di sini";
    btn.setAttribute("aria-label", "Tampilkan di sini: " + title + " (memuat konten dari " + provider + ")"); // begins with the visible text
    btn.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = src + (kind === "youtube" ? (src.indexOf("?") < 0 ? "?" : "&") + "autoplay=1" : "");
      frame.title = title;
      frame.className = "embed-frame embed-frame-" + kind;
      frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen; clipboard-write");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
      var open = document.createElement("a");
      open.href = card.href; open.className = "small embed-open"; open.rel = "nofollow noopener";
      open.textContent = "Buka di " + provider;
      fig.replaceChildren(frame, open);
      frame.focus();
    });
    fig.appendChild(btn);
  });
})();

// --- dark-mode switch (issue 14): the button shows and flips the theme the
// page has now. A choice equal to the system's is not kept, so the page
// follows the system again; a different one is kept in localStorage, which
// theme.js reads before the next page is drawn.
(function () {
  "use strict";
  var btn = document.querySelector("[data-theme-toggle]");
  if (!btn) return;
  var root = document.documentElement, dark = window.matchMedia("(prefers-color-scheme: dark)");
  function current() { return root.getAttribute("data-theme") || (dark.matches ? "dark" : "light"); }
  function show() { btn.setAttribute("aria-pressed", current() === "dark" ? "true" : "false"); }
  btn.hidden = false;
  show();
  btn.addEventListener("click", function () {
    var next = current() === "dark" ? "light" : "dark";
    var system = dark.matches ? "dark" : "light";
    try {
      if (next === system) localStorage.removeItem("warta-tema"); else localStorage.setItem("warta-tema", next);
    } catch (e) { /* not kept: this page still switches */ }
    if (next === system) root.removeAttribute("data-theme"); else root.setAttribute("data-theme", next);
    show();
  });
  dark.addEventListener("change", show);
})();

/* --- ad slots (issue 14, siteset): ask the network to fill each of its
   units once its loader is on the page (the operator enabled it with
   --ad-network; without it no unit is ever written). */
(function () {
  var units = document.querySelectorAll("ins.adsbygoogle:not([data-adsbygoogle-status])");
  for (var i = 0; i < units.length; i++) {
    (window.adsbygoogle = window.adsbygoogle || []).push({});
  }
})();
