// Warta newsroom: progressive enhancements over server-rendered forms.
// Everything works without this file; with it the editor gets a Markdown
// toolbar, a live preview rendered by the server exactly as readers will see
// it, autosave, instant photo upload, a warning when someone else edits the
// same article, and a copy of what was typed kept in the browser so nothing
// is lost to an expired session or a failed request.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The menu folds behind its button on a phone (see newsroom.css).
  var menu = document.getElementById("menu-redaksi");
  var menuButton = menu && menu.querySelector(".menu-toggle");
  if (menuButton) {
    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  var csrf = document.body.getAttribute("data-csrf") || "";

  function post(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { throw new Error((j.error && j.error.message) || ("Gagal (" + r.status + ")")); }
        return j.data || {};
      });
    });
  }

  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });

  // Unsaved text kept in the browser belongs to one account: it is keyed by
  // the account, removed when someone signs out, and another account's
  // copies are removed as soon as a different account signs in.
  var account = document.body.getAttribute("data-account") || "";
  var prefix = "warta-naskah-";
  function dropCopies(keep) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(prefix) === 0 && (keep === "" || k.indexOf(prefix + keep + "-") !== 0)) { localStorage.removeItem(k); }
      }
    } catch (e) { /* storage off */ }
  }
  if (account) { dropCopies(account); }
  document.querySelectorAll('form[action="/redaksi/keluar"]').forEach(function (f) {
    f.addEventListener("submit", function () { dropCopies(""); });
  });

  // --- the dashboard updates itself (issue 14): every data-refresh-ms it
  // fetches its live part (?bagian=langsung, rendered by the server) and
  // puts it in place; "Perbarui" does it at once. Without this script the
  // dashboard is a plain page and "Perbarui" reloads it.
  var live = document.querySelector("[data-live]");
  if (live) {
    var every = parseInt(live.getAttribute("data-refresh-ms"), 10) || 15000, busy = false, stopped = false;
    var refresh = function () {
      if (busy || stopped) return;
      busy = true;
      fetch(live.getAttribute("data-live"), { credentials: "same-origin" }).then(function (r) {
        if (r.redirected || !r.ok) { // the session ended, or the server is away
          var note = live.querySelector("[data-live-updated]");
          if (note) note.textContent = r.redirected ? "Sesi berakhir: muat ulang halaman untuk masuk lagi." : "Angka belum bisa diperbarui; dicoba lagi sebentar lagi.";
          if (r.redirected) stopped = true;
          return;
        }
        return r.text().then(function (html) {
          var part = document.createElement("template");
          part.innerHTML = html; // the server's own escaped HTML
          live.replaceChildren(part.content);
        });
      }).catch(function () { /* offline: the next round tries again */ }).then(function () { busy = false; });
    };
    setInterval(function () { if (!document.hidden) refresh(); }, every);
    document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
    var again = document.querySelector("[data-live-refresh]");
    if (again) again.addEventListener("click", function (ev) { ev.preventDefault(); refresh(); });
  }

  var form = document.getElementById("editor");
  if (!form || !account) { return; }
  var id = form.getAttribute("data-article");
  var body = document.getElementById("body");
  var preview = document.getElementById("preview");
  var key = prefix + account + "-" + (id && id !== "0" ? id : "baru");
  var dirty = false;

  // Toolbar: wrap the selection in Markdown.
  var bar = form.querySelector(".toolbar");
  if (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-md]");
      if (!b) { return; }
      var parts = b.getAttribute("data-md").replace(/\\n/g, "\n").split("|");
      var s = body.selectionStart, t = body.selectionEnd, sel = body.value.slice(s, t);
      if (sel) {
        body.setRangeText(parts[0] + sel + parts[1], s, t, "end");
      } else {
        // Nothing selected: insert the markup around a placeholder (or an
        // empty spot) and select it, so what the writer types goes inside.
        var ph = b.getAttribute("data-ph") || "";
        body.setRangeText(parts[0] + ph + parts[1], s, t, "start");
        body.setSelectionRange(s + parts[0].length, s + parts[0].length + ph.length);
      }
      body.focus();
      changed();
    });
  }

  // Live preview through the server's renderer.
  var timer = null;
  function refreshPreview() {
    var d = new FormData();
    d.append("body", body.value);
    post("/redaksi/pratinjau", d).then(function (j) { preview.innerHTML = j.html; })
      .catch(function (err) { preview.textContent = err.message; });
  }

  // A copy of the form in the browser.
  function fields() {
    var o = {};
    form.querySelectorAll("input[name],textarea[name],select[name]").forEach(function (el) {
      if (el.type === "file" || el.type === "hidden" && el.name === "csrf") { return; }
      o[el.name] = el.type === "checkbox" ? el.checked : el.value;
    });
    return o;
  }
  function backup() {
    try { localStorage.setItem(key, JSON.stringify({ at: Date.now(), f: fields() })); } catch (e) { /* full or private */ }
  }
  function changed() {
    dirty = true;
    backup();
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 350);
  }
  form.addEventListener("input", changed);

  if (/[?&]ok=/.test(location.search)) {
    localStorage.removeItem(key);
    if (id && id !== "0") { localStorage.removeItem(prefix + account + "-baru"); }
  } else if (!document.getElementById("galat")) {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.f && JSON.stringify(saved.f) !== JSON.stringify(fields())) {
      var p = document.createElement("p");
      p.className = "warning";
      p.setAttribute("role", "status");
      p.textContent = "Ada tulisan yang belum tersimpan dari " + new Date(saved.at).toLocaleString("id-ID") + ". ";
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = "Pulihkan tulisan";
      b.addEventListener("click", function () {
        Object.keys(saved.f).forEach(function (n) {
          var el = form.elements[n];
          if (!el || el.type === "file") { return; }
          if (el.type === "checkbox") { el.checked = saved.f[n]; } else { el.value = saved.f[n]; }
        });
        p.remove();
        changed();
      });
      p.appendChild(b);
      form.parentNode.insertBefore(p, form);
    }
  }
  if (!preview.innerHTML.trim() && body.value.trim()) { refreshPreview(); }

  // Autosave drafts (never a published article: that would go live).
  var status = document.querySelector("[data-status]");
  var autosaving = id && id !== "0" && status && /draf|tinjauan/.test(status.textContent);
  var note = document.getElementById("autosave");
  var version = document.getElementById("version");
  var autoTimer = null;
  if (autosaving) {
    autoTimer = setInterval(function () {
      if (!dirty) { return; }
      dirty = false;
      var d = new FormData(form);
      d.delete("photo_file");
      d.delete("body_files");
      post("/redaksi/artikel/" + id + "/autosave", d)
        .then(function (j) {
          note.textContent = "Tersimpan otomatis " + j.saved_at;
          if (j.version && version) { version.value = j.version; }
        })
        .catch(function (err) {
          dirty = true;
          note.textContent = "Belum tersimpan: " + err.message;
          // Someone else saved meanwhile: stop autosaving; the editor's
          // own Simpan shows both versions and lets them merge.
          if (/diubah orang lain/.test(err.message)) { autosaving = false; clearInterval(autoTimer); }
        });
    }, 20000);
  }

  // Who else is editing? The page tells the server it is open every 15 s
  // and shows who else is there, whether someone took the lock over, and
  // when the article was saved by someone else meanwhile.
  if (id && id !== "0") {
    var warn = document.getElementById("kunci");
    var warnText = document.getElementById("kunci-pesan");
    var take = document.getElementById("kunci-ambil");
    var beat = function () {
      post("/redaksi/artikel/" + id + "/kunci", new FormData()).then(function (j) {
        var msg = j.message || "";
        if (version && j.version && Number(j.version) > Number(version.value)) {
          msg += (msg ? " " : "") + "Artikel ini sudah disimpan orang lain sejak Anda membukanya: saat Anda menyimpan, " +
            "perbedaannya ditampilkan untuk digabung.";
        }
        warn.hidden = !msg;
        warn.setAttribute("data-presence", j.presence || "");
        warnText.textContent = msg;
        if (take) { take.hidden = !j.can_take; }
      }).catch(function () { /* offline: try again later */ });
    };
    setInterval(beat, 15000);
    window.addEventListener("focus", beat); // back at this tab: fresh news at once
    // Leaving the editor lets the lock go; a form of this page being sent
    // (a save, a take-over) comes back to it, so it keeps the lock.
    var submitting = false;
    document.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("pagehide", function () {
      if (submitting) { return; }
      var d = new FormData();
      d.append("csrf", csrf);
      if (navigator.sendBeacon) { navigator.sendBeacon("/redaksi/artikel/" + id + "/kunci/lepas", d); }
    });
  }

  // Upload the lead photo as soon as it is chosen.
  var file = document.getElementById("photo_file");
  if (file) {
    file.addEventListener("change", function () {
      var f = file.files[0], out = document.getElementById("upload-status");
      if (!f) { return; }
      if (f.size > 10 * 1024 * 1024) { out.textContent = "Gambar terlalu besar: paling besar 10 MB."; file.value = ""; return; }
      out.textContent = "Mengunggah…";
      var d = new FormData();
      d.append("photo_file", f);
      post("/redaksi/unggah", d).then(function (j) {
        document.getElementById("photo_url").value = j.url;
        document.getElementById("photo_width").value = j.width;
        document.getElementById("photo_height").value = j.height;
        var img = document.getElementById("photo-preview");
        if (img.tagName !== "IMG") { // no photo yet: a placeholder, as an <img> needs a src
          var el = document.createElement("img");
          el.className = "thumb"; el.id = "photo-preview"; el.alt = "";
          img.replaceWith(el); img = el;
        }
        img.src = j.url; img.hidden = false;
        if (j.srcset) { img.srcset = j.srcset; img.sizes = "300px"; }
        file.value = "";
        out.textContent = "Foto terunggah.";
        changed();
      }).catch(function (err) { out.textContent = err.message; file.value = ""; });
    });
  }

  // --- images in the body (issue 14): each chosen file is uploaded in
  // turn (the server decodes two at a time) and the Markdown of all of them
  // (one: a figure; several: a gallery) is typed in at the cursor.
  var bodyFiles = document.getElementById("body_files");
  if (bodyFiles) {
    bodyFiles.addEventListener("change", function () {
      var list = Array.prototype.slice.call(bodyFiles.files), out = document.getElementById("body-upload-status");
      if (!list.length) { return; }
      if (list.length > 30) { out.textContent = "Paling banyak 30 gambar sekaligus untuk satu galeri."; bodyFiles.value = ""; return; }
      var big = list.filter(function (f) { return f.size > 10 * 1024 * 1024; })[0];
      if (big) { out.textContent = "Gambar " + big.name + " terlalu besar: paling besar 10 MB."; bodyFiles.value = ""; return; }
      var at = body.selectionStart, lines = [];
      var next = function (i) {
        if (i === list.length) {
          var md = "\n\n" + lines.join("\n") + "\n\n";
          body.setRangeText(md, at, body.selectionEnd, "end");
          body.focus();
          bodyFiles.value = "";
          out.textContent = lines.length > 1 ? lines.length + " gambar masuk ke isi berita sebagai galeri." : "Gambar masuk ke isi berita.";
          changed();
          return;
        }
        out.textContent = "Mengunggah gambar " + (i + 1) + " dari " + list.length + "…";
        var d = new FormData();
        d.append("body_files", list[i]);
        d.append("body_caption", document.getElementById("body_caption").value);
        d.append("body_credit", document.getElementById("body_credit").value);
        post("/redaksi/unggah", d).then(function (j) {
          lines.push(j.images[0].markdown);
          next(i + 1);
        }).catch(function (err) {
          out.textContent = (list.length > 1 ? "Gambar ke-" + (i + 1) + ": " : "") + err.message;
          bodyFiles.value = "";
        });
      };
      next(0);
    });
  }

})();
