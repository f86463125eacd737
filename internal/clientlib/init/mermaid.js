// quire: draws the page's Mermaid diagrams. Each <pre class="mermaid">
// holds a diagram's source, readable as it is where scripts do not run.
// Mermaid is large, so it is loaded only once a diagram comes near the
// viewport; this script's data-src and data-integrity name it. Diagrams
// follow the colour scheme the page shows, and are drawn again when the
// reader switches it.
(function () {
  "use strict";
  var me = document.currentScript;
  var els = document.querySelectorAll("pre.mermaid");
  if (!me || !els.length) return;
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
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
    if (typeof mermaid === "undefined") return;
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
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = me.dataset.src;
    if (me.dataset.integrity) {
      s.integrity = me.dataset.integrity;
      s.crossOrigin = "anonymous";
    }
    s.onload = function () {
      draw();
      new MutationObserver(draw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
      if (media && media.addEventListener) media.addEventListener("change", draw);
    };
    document.head.appendChild(s);
  }
  if (!("IntersectionObserver" in window)) return load();
  var io = new IntersectionObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].isIntersecting) {
        io.disconnect();
        load();
        return;
      }
    }
  }, { rootMargin: "400px 0px" });
  for (var j = 0; j < els.length; j++) io.observe(els[j]);
})();
