// quire: typesets the page's math with KaTeX (loaded before this script).
// Each element of class "math" holds TeX between \( \) (inline) or \[ \]
// (displayed), readable as it is where scripts do not run.
(function () {
  "use strict";
  if (typeof katex === "undefined") return;
  var els = document.querySelectorAll(".math");
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var tex = el.textContent.trim();
    var m = /^\\\(([\s\S]*)\\\)$/.exec(tex) || /^\\\[([\s\S]*)\\\]$/.exec(tex);
    if (m) tex = m[1];
    try {
      katex.render(tex, el, {
        displayMode: el.classList.contains("math-display"),
        throwOnError: false,
        output: "htmlAndMathml"
      });
    } catch (e) {
      el.title = String(e && e.message || e);
    }
  }
})();
