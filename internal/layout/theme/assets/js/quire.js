/* quire default theme: colour scheme toggle, narrow-screen menu, copy
   buttons, "On this page" highlighting and search. Each part only enhances
   the page: without this script every page still reads and navigates. */
(function () {
  "use strict";
  var d = document, root = d.documentElement;
  var $ = function (s, el) { return (el || d).querySelector(s); };
  var $$ = function (s, el) { return Array.prototype.slice.call((el || d).querySelectorAll(s)); };

  /* Colour scheme: the head's inline script applied a remembered choice;
     the button flips between light and dark and remembers it. */
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  var isDark = function () {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : media.matches;
  };
  var toggle = $("[data-quire-theme]");
  if (toggle) {
    var sync = function () { toggle.setAttribute("aria-pressed", String(isDark())); };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", function () {
      var t = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", t);
      try { localStorage.setItem("quire-theme", t); } catch (e) { /* private mode */ }
      sync();
    });
    if (media.addEventListener) media.addEventListener("change", sync);
  }

  /* Menu: on narrow screens the sidebar opens over the page. */
  var menu = $("[data-quire-menu]"), nav = d.getElementById("quire-nav");
  if (menu && nav) {
    menu.hidden = false;
    var setMenu = function (open) {
      menu.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    };
    menu.addEventListener("click", function () { setMenu(menu.getAttribute("aria-expanded") !== "true"); });
    d.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && nav.classList.contains("open")) { setMenu(false); menu.focus(); }
    });
  }

  /* Code blocks and tables that scroll sideways take keyboard focus, so
     they can be scrolled without a mouse. */
  $$(".content pre, .content table").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
  });

  /* Copy buttons on code blocks. */
  $$(".content pre").forEach(function (pre) {
    var wrap = d.createElement("div"), btn = d.createElement("button");
    wrap.className = "code-block";
    btn.type = "button";
    btn.className = "copy-button";
    btn.textContent = "Copy";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    wrap.appendChild(btn);
    btn.addEventListener("click", function () {
      var text = pre.innerText.replace(/\n$/, "");
      var done = function (ok) {
        btn.textContent = ok ? "Copied" : "Press Ctrl+C";
        setTimeout(function () { btn.textContent = "Copy"; }, 1600);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        return;
      }
      var r = d.createRange();
      r.selectNodeContents(pre);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      var ok = false;
      try { ok = d.execCommand("copy"); } catch (e) { /* unsupported */ }
      done(ok);
    });
  });

  /* "On this page" on narrow screens: the stylesheet folds it while this
     script runs; its button unfolds it, and following one of its links
     folds it again, before the browser scrolls to the heading. */
  var tocAside = $(".toc-aside"), tocToggle = $(".toc-toggle");
  if (tocAside && tocToggle) {
    var tocOpen = function (open) {
      tocAside.classList.toggle("toc-open", open);
      tocToggle.setAttribute("aria-expanded", String(open));
    };
    tocToggle.addEventListener("click", function () { tocOpen(!tocAside.classList.contains("toc-open")); });
    $$(".toc a", tocAside).forEach(function (a) {
      a.addEventListener("click", function () { tocOpen(false); });
    });
  }

  /* "On this page": mark the entry of the section being read, the last
     heading above the upper third of the window. */
  var tocLinks = $$(".toc a[href^='#']"), heads = [], byID = {};
  tocLinks.forEach(function (a) {
    var id = decodeURIComponent(a.hash.slice(1)), h = d.getElementById(id);
    if (h) { heads.push(h); byID[id] = a; }
  });
  if (heads.length) {
    var current = null, queued = false;
    var update = function () {
      queued = false;
      var line = window.innerHeight / 3, best = null;
      for (var i = 0; i < heads.length; i++) {
        if (heads[i].getBoundingClientRect().top <= line) best = heads[i]; else break;
      }
      if (window.innerHeight + window.scrollY >= root.scrollHeight - 2) best = heads[heads.length - 1];
      var a = best ? byID[best.id] : null;
      if (a === current) return;
      if (current) current.removeAttribute("aria-current");
      if (a) a.setAttribute("aria-current", "true");
      current = a;
    };
    var queue = function () { if (!queued) { queued = true; window.requestAnimationFrame(update); } };
    window.addEventListener("scroll", queue, { passive: true });
    window.addEventListener("resize", queue);
    update();
  }

  /* Search. */
  var dialog = d.getElementById("quire-search"), opener = $("[data-quire-search]");
  if (!dialog || !opener || typeof dialog.showModal !== "function" || !window.fetch) return;
  var input = $("input", dialog), list = $(".search-results", dialog), status = $(".search-status", dialog);
  var docs = null, loading = null;

  /* fold lower-cases and strips accents one code unit at a time, so that
     offsets in the folded text are offsets in the original. */
  var fold = function (s) {
    var l = s.toLowerCase();
    if (l.length !== s.length) l = s;
    var out = "";
    for (var i = 0; i < l.length; i++) {
      var c = l.charAt(i);
      out += c < "\u00c0" ? c : c.normalize("NFD").charAt(0);
    }
    return out;
  };
  var wordChar = /[\p{L}\p{N}_]/u;
  /* find returns where term starts a word in hay at or after from, or -1. */
  var find = function (hay, term, from) {
    for (var i = hay.indexOf(term, from || 0); i >= 0; i = hay.indexOf(term, i + 1)) {
      if (i === 0 || !wordChar.test(hay.charAt(i - 1))) return i;
    }
    return -1;
  };
  var load = function () {
    if (!loading) {
      loading = fetch(dialog.getAttribute("data-index")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (ix) {
        docs = ix.s.map(function (s) {
          var page = ix.p[s[0]];
          return { url: page[0] + (s[1] ? "#" + encodeURIComponent(s[1]) : ""), page: page[1], head: s[2], text: s[3],
            fpage: fold(page[1]), fhead: fold(s[2]), ftext: fold(s[3]) };
        });
      }).catch(function () { status.textContent = "The search index could not be loaded."; });
    }
    return loading;
  };
  var marked = function (el, text, terms) {
    var f = fold(text), spans = [];
    terms.forEach(function (t) {
      for (var i = find(f, t); i >= 0; i = find(f, t, i + t.length)) spans.push([i, i + t.length]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) return;
      el.appendChild(d.createTextNode(text.slice(at, s[0])));
      var m = d.createElement("mark");
      m.textContent = text.slice(s[0], s[1]);
      el.appendChild(m);
      at = s[1];
    });
    el.appendChild(d.createTextNode(text.slice(at)));
  };
  var snippet = function (doc, terms) {
    var first = -1;
    terms.forEach(function (t) {
      var i = find(doc.ftext, t);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    });
    if (first < 0) return doc.text.slice(0, 140) + (doc.text.length > 140 ? "…" : "");
    var start = Math.max(0, first - 50), end = Math.min(doc.text.length, first + 110);
    if (start > 0) start = doc.text.indexOf(" ", start) + 1 || start;
    return (start > 0 ? "…" : "") + doc.text.slice(start, end) + (end < doc.text.length ? "…" : "");
  };
  var run = function () {
    var q = input.value.trim(), terms = fold(q).split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    list.textContent = "";
    if (!terms.length || !docs) { status.textContent = ""; return; }
    var hits = [];
    docs.forEach(function (doc, n) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i], s = 0;
        if (find(doc.fhead, t) >= 0) s += 10;
        if (find(doc.fpage, t) >= 0) s += doc.head ? 3 : 12;
        if (find(doc.ftext, t) >= 0) s += 1;
        if (!s) return;
        score += s;
      }
      hits.push({ doc: doc, score: score, n: n });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    hits.slice(0, 20).forEach(function (h) {
      var li = d.createElement("li"), a = d.createElement("a"), title = d.createElement("span"), text = d.createElement("span");
      a.href = h.doc.url;
      title.className = "result-title";
      marked(title, h.doc.head ? h.doc.page + " › " + h.doc.head : h.doc.page, terms);
      text.className = "result-text";
      marked(text, snippet(h.doc, terms), terms);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    status.textContent = hits.length ? hits.length + (hits.length === 1 ? " result" : " results") +
      (hits.length > 20 ? ", showing the first 20" : "") : "No results for “" + q + "”";
  };
  var open = function () {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load().then(run);
  };
  opener.hidden = false;
  opener.addEventListener("click", open);
  d.addEventListener("keydown", function (e) {
    var el = e.target, tag = el && el.tagName;
    if (e.key === "/" && !dialog.open && !e.ctrlKey && !e.metaKey && !e.altKey &&
        tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !el.isContentEditable) {
      e.preventDefault();
      open();
    }
  });
  input.addEventListener("input", function () { load().then(run); });
  $("form", dialog).addEventListener("submit", function (e) {
    e.preventDefault();
    var a = $("a", list);
    if (a) a.click();
  });
  $("[data-quire-close]", dialog).addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  list.addEventListener("click", function (e) { if (e.target.closest("a")) dialog.close(); });
  dialog.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = $$("a", list), i = links.indexOf(d.activeElement);
    if (!links.length) return;
    e.preventDefault();
    i = e.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
    (i < 0 ? input : links[i]).focus();
  });
})();
