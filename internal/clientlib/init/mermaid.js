// quire: draws the page's Mermaid diagrams (Mermaid is loaded before this
// script). Each <pre class="mermaid"> holds a diagram's source, readable as
// it is where scripts do not run. Diagrams follow the colour scheme the
// page shows, and are drawn again when the reader switches it.
(function () {
  "use strict";
  if (typeof mermaid === "undefined") return;
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var els = document.querySelectorAll("pre.mermaid");
  var sources = [];
  for (var i = 0; i < els.length; i++) sources.push(els[i].textContent);

  function dark() {
    var t = root.dataset.theme;
    if (t === "dark") return true;
    if (t === "light") return false;
    return !!(media && media.matches);
  }
  var drawn = null;
  function draw() {
    var d = dark();
    if (drawn === d) return;
    drawn = d;
    for (var i = 0; i < els.length; i++) {
      els[i].removeAttribute("data-processed");
      els[i].textContent = sources[i];
    }
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: d ? "dark" : "default" });
    mermaid.run({ nodes: els, suppressErrors: true });
  }
  draw();
  new MutationObserver(draw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  if (media && media.addEventListener) media.addEventListener("change", draw);
})();
