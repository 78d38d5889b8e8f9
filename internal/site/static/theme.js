// Warta: the reader's own choice of light or dark (issue 14), put on <html>
// before the page is drawn, so a reader who chose never sees the other
// theme flash. Loaded without defer on purpose: it is a few bytes, cached for
// a year, and the CSP allows it as the site's own file. Without a choice
// (or without JavaScript) the system setting decides (prefers-color-scheme).
// The switch itself is in warta.js.
(function () {
  try {
    var t = localStorage.getItem("warta-tema");
    if (t === "dark" || t === "light") document.documentElement.setAttribute("data-theme", t);
  } catch (e) { /* storage refused: follow the system */ }
})();
