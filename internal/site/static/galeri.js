// Warta: photo galleries in article bodies (issue 14). Without this script
// a gallery is a plain list of figures, each linking to its largest image;
// with it the list becomes a grid of thumbnails that opens a lightbox: the
// arrow keys, the buttons and a swipe move between photos, Esc, the close
// button or a tap beside the photo leaves it, and focus goes back to the
// thumbnail it was opened from. Loaded only on articles with a gallery.
(function () {
  "use strict";
  var lists = document.querySelectorAll(".body ul.gallery");
  if (!lists.length || typeof HTMLDialogElement !== "function") return;

  var box, shown, caption, counter, items = [], at = 0, opener = null;

  function el(tag, cls, attrs) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function build() {
    box = el("dialog", "lightbox", { "aria-label": "Galeri foto", tabindex: "-1" });
    counter = el("p", "lightbox-count", { "aria-live": "polite" });
    var close = el("button", "lightbox-close", { type: "button", "aria-label": "Tutup galeri" });
    close.textContent = "×";
    var prev = el("button", "lightbox-prev", { type: "button", "aria-label": "Foto sebelumnya" });
    prev.textContent = "‹";
    var next = el("button", "lightbox-next", { type: "button", "aria-label": "Foto berikutnya" });
    next.textContent = "›";
    var fig = el("figure", "lightbox-figure");
    shown = el("img", "", { alt: "" });
    caption = el("figcaption");
    fig.appendChild(shown);
    fig.appendChild(caption);
    box.appendChild(counter);
    box.appendChild(close);
    box.appendChild(fig);
    box.appendChild(prev);
    box.appendChild(next);
    document.body.appendChild(box);

    close.addEventListener("click", function () { box.close(); });
    prev.addEventListener("click", function () { show(at - 1); });
    next.addEventListener("click", function () { show(at + 1); });
    // A click on the dark area around the photo closes, as on every portal.
    box.addEventListener("click", function (ev) { if (ev.target === box || ev.target === fig) box.close(); });
    box.addEventListener("keydown", function (ev) {
      var k = ev.key;
      if (k === "ArrowRight" || k === "ArrowLeft" || k === "Home" || k === "End") {
        ev.preventDefault();
        show(k === "ArrowRight" ? at + 1 : k === "ArrowLeft" ? at - 1 : k === "Home" ? 0 : items.length - 1);
      }
    });
    // Esc closes the dialog by itself (its cancel event); either way focus
    // goes back to the thumbnail.
    box.addEventListener("close", function () {
      document.documentElement.classList.remove("lightbox-open");
      if (opener) opener.focus();
    });
    // Swipe: a mostly horizontal move of more than 40 px.
    var x0 = null, y0 = 0;
    box.addEventListener("touchstart", function (ev) {
      if (ev.touches.length !== 1) { x0 = null; return; }
      x0 = ev.touches[0].clientX; y0 = ev.touches[0].clientY;
    }, { passive: true });
    box.addEventListener("touchend", function (ev) {
      if (x0 === null || !ev.changedTouches.length) return;
      var dx = ev.changedTouches[0].clientX - x0, dy = ev.changedTouches[0].clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(dx < 0 ? at + 1 : at - 1);
    });
  }

  function show(i) {
    var n = items.length;
    at = ((i % n) + n) % n;
    var link = items[at], thumb = link.querySelector("img"), fc = link.parentNode.querySelector("figcaption");
    shown.removeAttribute("srcset");
    shown.src = link.href;
    if (thumb.getAttribute("srcset")) { shown.srcset = thumb.getAttribute("srcset"); shown.sizes = "100vw"; }
    shown.alt = thumb.alt;
    ["width", "height"].forEach(function (a) {
      if (thumb.getAttribute(a)) shown.setAttribute(a, thumb.getAttribute(a)); else shown.removeAttribute(a);
    });
    caption.textContent = "";
    if (fc) fc.childNodes.forEach(function (c) { caption.appendChild(c.cloneNode(true)); });
    caption.hidden = !fc;
    counter.textContent = "Foto " + (at + 1) + " dari " + n;
  }

  function open(list, i, from) {
    if (!box) build();
    items = Array.prototype.slice.call(list.querySelectorAll("a.gallery-link"));
    opener = from;
    show(i);
    document.documentElement.classList.add("lightbox-open");
    box.showModal();
    // Focus goes to the lightbox itself, not to its first button: the Enter
    // that opened it from a thumbnail would otherwise press "Tutup" at once
    // (links act on keydown, buttons on the keypress that follows).
    box.focus();
  }

  lists.forEach(function (list) {
    list.classList.add("gallery-grid");
    var links = list.querySelectorAll("a.gallery-link");
    links.forEach(function (a, i) {
      a.setAttribute("aria-haspopup", "dialog");
      var img = a.querySelector("img");
      // Thumbnails in a grid need smaller files than the full-width list.
      if (img && img.getAttribute("srcset")) img.sizes = "(min-width: 60rem) 15rem, (min-width: 40rem) 33vw, 50vw";
      a.addEventListener("click", function (ev) {
        if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return; // a new tab is the reader's choice
        ev.preventDefault();
        open(list, i, a);
      });
    });
  });
})();
