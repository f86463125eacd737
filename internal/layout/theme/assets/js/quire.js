/* quire default theme: colour scheme toggle, narrow-screen menu, copy
   buttons, "On this page" highlighting, tabs and search. Each part only enhances
   the page: without this script every page still reads and navigates. */
(function () {
  "use strict";
  var d = document, root = d.documentElement;
  var $ = function (s, el) { return (el || d).querySelector(s); };
  var $$ = function (s, el) { return Array.prototype.slice.call((el || d).querySelectorAll(s)); };

  /* The strings this script shows, in the site's language: the theme
     writes them into the page (partials/strings.html). A string the page
     lacks shows as its key. */
  var strings = {};
  try { strings = JSON.parse(d.getElementById("quire-strings").textContent); } catch (e) { /* none */ }
  var str = function (k) { return typeof strings[k] === "string" ? strings[k] : k; };

  /* Colour scheme: the head's inline script applied a remembered choice
     (light or dark; none follows the system). The button goes from the
     system's to light, dark and back, remembers the choice, and shows its
     icon and label (from its data-label-* attributes). */
  var toggle = $("[data-quire-theme]");
  if (toggle) {
    var next = { system: "light", light: "dark", dark: "system" };
    var show = function () {
      var c = root.getAttribute("data-theme") || "system";
      toggle.setAttribute("data-choice", c);
      $(".visually-hidden", toggle).textContent = toggle.getAttribute("data-label-" + c);
    };
    toggle.hidden = false;
    show();
    toggle.addEventListener("click", function () {
      var c = next[toggle.getAttribute("data-choice")] || "system";
      if (c === "system") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", c);
      try {
        if (c === "system") localStorage.removeItem("quire-theme"); else localStorage.setItem("quire-theme", c);
      } catch (e) { /* private mode */ }
      show();
    });
  }

  /* Menu: on narrow screens the sidebar opens over the page. While it is
     open the page behind it is inert, and Tab goes round the menu button
     and the menu's links; Escape closes it. */
  var menu = $("[data-quire-menu]"), nav = d.getElementById("quire-nav");
  if (menu && nav) {
    menu.hidden = false;
    var behind = $$("body > .layout > main, body > .site-footer");
    var setMenu = function (open) {
      menu.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
      behind.forEach(function (el) { el.inert = open; });
    };
    var stops = function () {
      return [menu].concat($$("a[href], summary", nav).filter(function (el) { return el.getClientRects().length > 0; }));
    };
    menu.addEventListener("click", function () { setMenu(menu.getAttribute("aria-expanded") !== "true"); });
    d.addEventListener("keydown", function (e) {
      if (!nav.classList.contains("open")) return;
      if (e.key === "Escape") { setMenu(false); menu.focus(); return; }
      if (e.key !== "Tab") return;
      var s = stops(), i = s.indexOf(d.activeElement);
      if (e.shiftKey ? i <= 0 : i === s.length - 1 || i < 0) {
        e.preventDefault();
        s[e.shiftKey ? s.length - 1 : 0].focus();
      }
    });
    // Growing past the narrow layout leaves the sidebar a sidebar.
    var narrow = window.matchMedia("(max-width: 48rem)");
    if (narrow.addEventListener) narrow.addEventListener("change", function () { if (!narrow.matches) setMenu(false); });
  }

  /* Code blocks and tables that scroll sideways take keyboard focus, so
     they can be scrolled without a mouse. */
  $$(".content pre, .content table").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
  });

  /* Copy buttons on code blocks, but not on the line number column of a
     table of numbered lines (linenos=table), which has no code element. */
  $$(".content pre").forEach(function (pre) {
    if (pre.closest(".lntd") && !pre.querySelector("code")) return;
    if (pre.classList.contains("mermaid")) return; /* a diagram, not code */
    var wrap = d.createElement("div"), btn = d.createElement("button");
    wrap.className = "code-block";
    btn.type = "button";
    btn.className = "copy-button";
    btn.textContent = str("copy");
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    wrap.appendChild(btn);
    btn.addEventListener("click", function () {
      var text = pre.innerText.replace(/\n$/, "");
      var done = function (ok) {
        btn.textContent = str(ok ? "copied" : "copyFailed");
        setTimeout(function () { btn.textContent = str("copy"); }, 1600);
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

  /* Tabs (the tabs, tabpane and tab shortcodes): without this script
     every panel reads under its label. With it, a group shows one panel
     and a tab list before them (arrow keys, Home and End move between
     tabs); choosing a label shows it in every group of the page that has
     it, and the site remembers it for the next pages. */
  var groups = $$(".tabs[data-tabs]"), tabGroups = [], chosen = [];
  try { chosen = JSON.parse(localStorage.getItem("quire-tabs")) || []; } catch (e) { chosen = []; }
  var select = function (g, i) {
    g.tabs.forEach(function (t, j) {
      t.setAttribute("aria-selected", String(i === j));
      t.tabIndex = i === j ? 0 : -1;
      g.panels[j].hidden = i !== j;
    });
  };
  var choose = function (label, tab) {
    var top = tab.getBoundingClientRect().top;
    tabGroups.forEach(function (g) {
      var i = g.labels.indexOf(label);
      if (i >= 0) select(g, i);
    });
    // Groups above may change height: keep the chosen tab where it was.
    window.scrollBy(0, tab.getBoundingClientRect().top - top);
    chosen = [label].concat(chosen.filter(function (l) { return l !== label; })).slice(0, 20);
    try { localStorage.setItem("quire-tabs", JSON.stringify(chosen)); } catch (e) { /* private mode */ }
  };
  groups.forEach(function (el, n) {
    var panels = Array.prototype.filter.call(el.children, function (c) { return c.classList.contains("tab-panel"); });
    if (!panels.length) return;
    var list = d.createElement("div"), g = { panels: panels, labels: [], tabs: [] };
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    panels.forEach(function (p, i) {
      var t = d.createElement("button"), id = "quire-tab-" + n + "-" + i;
      t.type = "button";
      t.id = id;
      t.setAttribute("role", "tab");
      t.textContent = p.getAttribute("data-tab-label");
      if (!p.id) p.id = id + "-panel";
      t.setAttribute("aria-controls", p.id);
      p.setAttribute("role", "tabpanel");
      p.setAttribute("aria-labelledby", id);
      p.tabIndex = 0;
      list.appendChild(t);
      g.tabs.push(t);
      g.labels.push(t.textContent);
    });
    list.addEventListener("click", function (e) {
      var t = e.target.closest("[role=tab]");
      if (t) choose(t.textContent, t);
    });
    list.addEventListener("keydown", function (e) {
      var i = g.tabs.indexOf(d.activeElement), k = g.tabs.length;
      var to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: k - 1 }[e.key];
      if (i < 0 || to === undefined) return;
      e.preventDefault();
      var t = g.tabs[(to + k) % k];
      t.focus();
      choose(t.textContent, t);
    });
    el.insertBefore(list, el.firstChild);
    el.classList.add("tabs-js");
    tabGroups.push(g);
    var first = 0;
    for (var c = 0; c < chosen.length; c++) {
      if (g.labels.indexOf(chosen[c]) >= 0) { first = g.labels.indexOf(chosen[c]); break; }
    }
    select(g, first);
  });

  /* Search: the dialog opens at once; its script (js/search.js) is
     loaded the first time, and fetches the parts of the index a query
     needs. */
  var dialog = d.getElementById("quire-search"), opener = $("[data-quire-search]");
  if (!dialog || !opener || typeof dialog.showModal !== "function" || !window.fetch) return;
  var input = $("input", dialog), list = $(".search-results", dialog), status = $(".search-status", dialog);
  var loading = null;
  var load = function () {
    if (!loading) {
      // The index's manifest is fetched while the script loads.
      var manifest = fetch(dialog.getAttribute("data-index")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      manifest.catch(function () { /* reported by the search */ });
      loading = new Promise(function (resolve, reject) {
        var s = d.createElement("script");
        s.src = dialog.getAttribute("data-script");
        s.integrity = dialog.getAttribute("data-integrity");
        s.crossOrigin = "anonymous";
        s.onload = function () { resolve(window.quireSearch.attach(dialog, manifest, strings)); };
        s.onerror = reject;
        d.head.appendChild(s);
      }).catch(function () { status.textContent = str("searchFailed"); });
    }
    return loading;
  };
  var open = function () {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load().then(function (s) { if (s) s.run(); });
  };
  opener.hidden = false;
  opener.addEventListener("click", open);
  d.addEventListener("keydown", function (e) {
    var el = e.target, tag = el && el.tagName;
    if ((e.key === "k" || e.key === "K") && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      open();
      return;
    }
    if (e.key === "/" && !dialog.open && !e.ctrlKey && !e.metaKey && !e.altKey &&
        tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !el.isContentEditable) {
      e.preventDefault();
      open();
    }
  });
  // Typing before the script has loaded: it runs the query once loaded.
  input.addEventListener("input", function () { load(); });
  $("form", dialog).addEventListener("submit", function (e) {
    e.preventDefault();
    var a = $("a", list);
    if (a) a.click();
  });
  $("[data-quire-close]", dialog).addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  list.addEventListener("click", function (e) { if (e.target.closest("a")) dialog.close(); });
  dialog.addEventListener("keydown", function (e) {
    // Escape closes at once, even with text in the box (which the
    // browser would clear first).
    if (e.key === "Escape") { e.preventDefault(); dialog.close(); return; }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = $$("a", list), i = links.indexOf(d.activeElement);
    if (!links.length) return;
    e.preventDefault();
    i = e.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
    (i < 0 ? input : links[i]).focus();
  });
})();
