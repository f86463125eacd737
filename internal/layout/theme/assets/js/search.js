/* quire default theme: search, loaded by quire.js the first time search
   opens. The index (internal/search) is a small manifest, term shards
   fetched for the words of a query and one fragment per page fetched for
   the results shown. Tokens, folding, stop words and the English stemmer
   here must match the Go side's, which a test checks. */
(function (root) {
  "use strict";

  /* fold lower-cases s and removes its diacritics, as search.Fold does. */
  var fold = function (s) { return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); };
  var cjkRe = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u, wordRe = /[\p{L}\p{N}]/u;
  var cjk = function (c) { return c.codePointAt(0) >= 0x1100 && cjkRe.test(c); };
  var utf8len = function (s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1; else if (c < 0x800) n += 2; else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; } else n += 3;
    }
    return n;
  };
  var MAX_TERM = 40;
  /* tokens calls f(token, isWord) for each token of folded s, as
     search.Tokens does: runs of letters and digits, and bigrams of CJK runs. */
  var tokens = function (s, f) {
    var run = "", kind = 0, prev = null;
    var emit = function () {
      if (kind === 1 && utf8len(run) <= MAX_TERM) f(run, true);
      if (kind === 2 && Array.from(run).length === 1) f(run, false);
      run = ""; kind = 0;
    };
    for (var c of s) {
      if (cjk(c)) {
        if (kind === 2) f(prev + c, false); else { emit(); kind = 2; }
        run += c; prev = c;
      } else if (wordRe.test(c)) {
        if (kind !== 1) { emit(); kind = 1; }
        run += c;
      } else emit();
    }
    emit();
  };
  /* own reports whether o has its own key k: words such as "constructor"
     are keys of every object's prototype. */
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var STOP = {};
  ("a an and are as at be but by can do does for from how i if in into is it its me my no not of on or our " +
   "so than that the their them then there these they this to us was we what when where which who why will " +
   "with you your").split(" ").forEach(function (w) { STOP[w] = true; });

  /* stem is Snowball's English (Porter2) stemmer as the Go module
     github.com/kljensen/snowball/english implements it. */
  var SPECIAL = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
    cosmos: "cosmos", bias: "bias", andes: "andes", inning: "inning", innings: "inning", outing: "outing",
    outings: "outing", canning: "canning", cannings: "canning", herring: "herring", herrings: "herring",
    earring: "earring", earrings: "earring", proceed: "proceed", proceeds: "proceed", proceeded: "proceed",
    proceeding: "proceed", exceed: "exceed", exceeds: "exceed", exceeded: "exceed", exceeding: "exceed",
    succeed: "succeed", succeeds: "succeed", succeeded: "succeed", succeeding: "succeed" };
  var vowel = function (c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; };
  var stem = function (word) {
    if (word.length <= 2) return word;
    if (own(SPECIAL, word)) return SPECIAL[word];
    var w = word.split(""), r1, r2;
    for (var i = 0; i < w.length; i++) if (w[i] === "y" && (i === 0 || vowel(w[i - 1]))) w[i] = "Y";
    var vnv = function (start) {
      for (var i = 1; i < w.length - start; i++) {
        var j = start + i;
        if (vowel(w[j - 1]) && !vowel(w[j])) return j + 1;
      }
      return w.length;
    };
    var s = w.join("");
    r1 = /^(gener|commun|arsen)/.test(s) ? s.match(/^(gener|commun|arsen)/)[0].length : vnv(0);
    r2 = vnv(r1);
    var str = function () { return w.join(""); };
    var reset = function () { r1 = Math.min(r1, w.length); r2 = Math.min(r2, w.length); };
    var first = function (list) {
      var t = str();
      for (var i = 0; i < list.length; i++) if (t.endsWith(list[i])) return list[i];
      return "";
    };
    var replace = function (suf, rep) { w = w.slice(0, w.length - suf.length).concat(rep.split("")); reset(); };
    var shortSyl = function (i) {
      if (i === 2) return vowel(w[0]) && !vowel(w[1]);
      if (i >= 3) {
        var s1 = w[i - 1], s2 = w[i - 2], s3 = w[i - 3];
        return !vowel(s1) && s1 !== "w" && s1 !== "x" && s1 !== "Y" && vowel(s2) && !vowel(s3);
      }
      return false;
    };
    var isShort = function () { return r1 >= w.length && shortSyl(w.length); };
    // Step 0 has nothing to do: tokens hold no apostrophes.
    // Step 1a.
    var suf = first(["sses", "ied", "ies", "us", "ss", "s"]);
    if (suf === "sses") replace(suf, "ss");
    else if (suf === "ied" || suf === "ies") replace(suf, w.length > 4 ? "i" : "ie");
    else if (suf === "s") {
      for (i = 0; i < w.length - 2; i++) if (vowel(w[i])) { replace("s", ""); break; }
    }
    // Step 1b.
    suf = first(["eedly", "ingly", "edly", "ing", "eed", "ed"]);
    if (suf === "eed" || suf === "eedly") {
      if (suf.length <= w.length - r1) replace(suf, "ee");
    } else if (suf) {
      var has = false;
      for (i = 0; i < w.length - suf.length; i++) if (vowel(w[i])) { has = true; break; }
      if (has) {
        var o1 = r1, o2 = r2, added = false;
        replace(suf, "");
        var ns = first(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
        if (ns === "") {
          if (isShort()) { w.push("e"); r1 = r2 = w.length; added = true; }
        } else if (ns === "at" || ns === "bl" || ns === "iz") replace(ns, ns + "e");
        else replace(ns.charAt(0), "");
        if (!added) { r1 = Math.min(o1, w.length); r2 = Math.min(o2, w.length); }
      }
    }
    // Step 1c.
    var n = w.length;
    if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !vowel(w[n - 2])) w[n - 1] = "i";
    // Step 2.
    suf = first(["ational", "fulness", "iveness", "ization", "ousness", "biliti", "lessli", "tional", "alism",
      "aliti", "ation", "entli", "fulli", "iviti", "ousli", "anci", "abli", "alli", "ator", "enci", "izer", "bli",
      "ogi", "li"]);
    if (suf && suf.length <= w.length - r1) {
      n = w.length;
      if (suf === "li") {
        if (n >= 3 && "cdeghkmnrt".indexOf(w[n - 3]) >= 0) replace("li", "");
      } else if (suf === "ogi") {
        if (n >= 4 && w[n - 4] === "l") replace("ogi", "og");
      } else {
        replace(suf, { tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
          ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al",
          fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble",
          fulli: "ful", lessli: "less" }[suf]);
      }
    }
    // Step 3.
    suf = first(["ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"]);
    if (suf && suf.length <= w.length - r1) {
      if (suf === "ative") {
        if (w.length - r2 >= 5) replace(suf, "");
      } else {
        replace(suf, { ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic",
          ful: "", ness: "" }[suf]);
      }
    }
    // Step 4.
    suf = first(["ement", "ance", "ence", "able", "ible", "ment", "ent", "ant", "ism", "ate", "iti", "ous", "ive",
      "ize", "ion", "al", "er", "ic"]);
    if (suf && suf.length <= w.length - r2) {
      n = w.length;
      if (suf !== "ion" || (n >= 4 && (w[n - 4] === "s" || w[n - 4] === "t"))) replace(suf, "");
    }
    // Step 5.
    var l = w.length - 1;
    if (r1 <= l) {
      if (w[l] === "e") {
        if (r2 <= l || !shortSyl(l)) replace("e", "");
      } else if (r2 <= l && w[l] === "l" && l >= 1 && w[l - 1] === "l") replace("l", "");
    }
    return str().replace(/Y/g, "y");
  };

  /* term is the index term of folded word token t ("" for a stop word). */
  var term = function (t, lang) {
    if (lang !== "en") return t;
    if (own(STOP, t)) return "";
    return /^[a-z]+$/.test(t) ? stem(t) : t;
  };

  /* cmp orders strings by code point, as Go orders the index's terms. */
  var cmp = function (a, b) {
    if (a === b) return 0;
    var i = 0;
    while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === a.length) return -1;
    if (i === b.length) return 1;
    var x = a.codePointAt(i), y = b.codePointAt(i);
    if (x >= 0xdc00 && x < 0xe000) x = a.codePointAt(i - 1);
    if (y >= 0xdc00 && y < 0xe000) y = b.codePointAt(i - 1);
    return x < y ? -1 : 1;
  };

  /* distance is the edit distance between t and the closest prefix of w
     at least as long as t less max (so a misspelt word matches the stem
     of the word meant: "configuraton" is one edit from "configur…"), or
     max+1 when it is more. */
  var distance = function (t, w, max) {
    if (w.length < t.length - max) return max + 1;
    var prev = [], cur;
    for (var j = 0; j <= w.length; j++) prev[j] = j;
    for (var i = 1; i <= t.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= w.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (t.charAt(i - 1) === w.charAt(j - 1) ? 0 : 1));
        if (cur[j] < low) low = cur[j];
      }
      if (low > max) return max + 1;
      prev = cur;
    }
    var best = max + 1;
    for (j = Math.max(0, t.length - max); j <= w.length; j++) best = Math.min(best, prev[j]);
    return best;
  };

  /* parse splits query q into words: each with its surface form, its
     term and whether it is a prefix (the word being typed); and the
     quoted phrases. Stop words are dropped unless nothing else is left. */
  var parse = function (q, lang) {
    var phrases = [], words = [];
    q.replace(/"([^"]+)"/g, function (m, p) { p = fold(p).replace(/\s+/g, " ").trim(); if (p) phrases.push(p); return m; });
    var typing = q.length > 0 && !/[\s"]$/.test(q);
    tokens(fold(q), function (t, word) { words.push({ surface: t, word: word, term: word ? term(t, lang) : t }); });
    if (typing && words.length && words[words.length - 1].word && (lang !== "en" || /^[a-z]+$/.test(words[words.length - 1].surface))) {
      words[words.length - 1].prefix = true;
    }
    // A lone CJK character is indexed only in the pairs it begins.
    words.forEach(function (w) { if (!w.word && Array.from(w.surface).length === 1) w.prefix = true; });
    var kept = words.filter(function (w) { return w.term || w.prefix; });
    if (!kept.length) kept = words.filter(function (w) { return w.word; }).map(function (w) { return { surface: w.surface, word: true, term: w.surface }; });
    var seen = {};
    kept = kept.filter(function (w) { var k = w.term + (w.prefix ? "*" : ""); if (own(seen, k)) return false; seen[k] = true; return true; });
    return { words: kept, phrases: phrases };
  };

  /* Engine searches the index whose manifest is at url, fetching JSON
     with get(url) (a promise); fetched files are kept for later queries.
     manifest, when given, is the manifest already being fetched. */
  var Engine = function (url, get, manifest) {
    var self = this, files = {};
    var load = function (name) {
      if (!own(files, name)) files[name] = get(new URL(name, url).href);
      return files[name];
    };
    this.manifest = (manifest || get(url)).then(function (m) { self.m = m; return m; });
    this.load = load;
    /* shardsFor returns the shard numbers the terms of word w may be in. */
    this.shardsFor = function (w) {
      var f = self.m.firsts, at = function (t) {
        var lo = 0, hi = f.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (cmp(f[mid], t) <= 0) lo = mid + 1; else hi = mid; }
        return lo - 1;
      };
      var out = [], i = at(w.term || w.surface);
      if (i >= 0 && w.term) out.push(i);
      if (w.prefix) {
        var j = Math.max(at(w.surface), 0);
        for (var k = 0; k < 3 && j + k < f.length; k++) {
          if (k > 0 && !f[j + k].startsWith(w.surface)) break;
          if (out.indexOf(j + k) < 0) out.push(j + k);
        }
      }
      return out;
    };
    /* fragment returns the fragment of page number p. */
    this.fragment = function (p) {
      var m = self.m;
      return load("search/p-" + m.tables[Math.floor(p / m.table)] + ".json").then(function (t) {
        return load("search/f-" + t[p % m.table] + ".json");
      });
    };
  };

  /* candidates returns the index terms word w matches, with a factor
     each: its own term 1, longer words it begins 0.7, close spellings
     (one edit for 5+ letters, two for 9+) 0.5 and 0.35. */
  var candidates = function (w, shards) {
    var out = {}, found = false, any = false;
    shards.forEach(function (s) {
      if (w.term && own(s, w.term)) { out[w.term] = 1; found = true; }
    });
    if (w.prefix) {
      var n = 0;
      shards.forEach(function (s) {
        for (var t in s) {
          if (n < 100 && t !== w.term && (t.startsWith(w.surface) || (w.term && w.term.length >= 3 && t.startsWith(w.term)))) {
            out[t] = Math.max(own(out, t) ? out[t] : 0, 0.7); n++; any = true;
          }
        }
      });
    }
    var len = Array.from(w.surface).length;
    if (!found && !any && w.word && len >= 5) {
      var max = len >= 9 ? 2 : 1;
      shards.forEach(function (s) {
        for (var t in s) {
          if (t.length < 4) continue;
          var d = Math.min(distance(t, w.surface, max), w.term ? distance(t, w.term, max) : max + 1);
          if (d <= max) out[t] = Math.max(own(out, t) ? out[t] : 0, d === 1 ? 0.5 : 0.35);
        }
      });
    }
    return out;
  };

  /* search ranks the pages for query q. It resolves to
     { words, phrases, pages: [{ page, cover, score, secs: [{ sec, score }] }],
       full (how many pages match every word), terms (matched terms),
       more (whether a term listed only its best sections) }. */
  Engine.prototype.search = function (q) {
    var self = this;
    return this.manifest.then(function (m) {
      var parsed = parse(q, m.lang), words = parsed.words;
      if (!words.length) return { words: words, phrases: parsed.phrases, pages: [], full: 0, terms: {} };
      return Promise.all(words.map(function (w) {
        return Promise.all(self.shardsFor(w).map(function (i) { return self.load("search/t-" + m.shards[i] + ".json"); }));
      })).then(function (perWord) {
        var secs = new Map(), terms = {}, more = false;
        words.forEach(function (w, j) {
          var cand = candidates(w, perWord[j]);
          Object.keys(cand).forEach(function (t) {
            var list = null;
            perWord[j].forEach(function (s) { if (own(s, t)) list = s[t]; });
            if (!list) return;
            terms[t] = true;
            if (list[0] > (list.length - 1) / 3) more = true;
            var page = 0;
            for (var i = 1; i < list.length; i += 3) {
              page += list[i];
              var key = page * 65536 + list[i + 1], v = list[i + 2] * cand[t], e = secs.get(key);
              if (!e) { e = new Float64Array(words.length); secs.set(key, e); }
              if (v > e[j]) e[j] = v;
            }
          });
        });
        var pages = new Map();
        secs.forEach(function (e, key) {
          var p = Math.floor(key / 65536), sec = key % 65536, score = 0;
          for (var j = 0; j < e.length; j++) score += e[j];
          var pg = pages.get(p);
          if (!pg) { pg = { page: p, best: new Float64Array(words.length), secs: [] }; pages.set(p, pg); }
          for (j = 0; j < e.length; j++) if (e[j] > pg.best[j]) pg.best[j] = e[j];
          pg.secs.push({ sec: sec, score: score, hits: e });
        });
        var list = [], full = 0;
        pages.forEach(function (pg) {
          var cover = 0, j;
          for (j = 0; j < pg.best.length; j++) if (pg.best[j] > 0) cover++;
          pg.secs.sort(function (a, b) { return b.score - a.score || a.sec - b.sec; });
          pg.cover = cover;
          // A page's best sections add up, each counting half the one before.
          pg.score = 0;
          for (j = 0; j < Math.min(pg.secs.length, 4); j++) pg.score += pg.secs[j].score / (1 << j);
          if (cover === words.length) full++;
          list.push(pg);
        });
        list.sort(function (a, b) { return b.cover - a.cover || b.score - a.score || a.page - b.page; });
        return { words: words, phrases: parsed.phrases, pages: list, full: full, terms: terms, more: more };
      });
    }).then(function (r) {
      if (!r.phrases.length || !r.pages.length) return r;
      // Quoted phrases: of the 20 best pages, those whose text holds one
      // rank first, and their sections that hold it.
      var top = r.pages.slice(0, 20);
      return Promise.all(top.map(function (pg) { return self.fragment(pg.page); })).then(function (frags) {
        top.forEach(function (pg, i) {
          var f = frags[i];
          pg.secs.forEach(function (s) {
            var sec = f.s[s.sec] || ["", "", ""];
            var hay = fold((s.sec === 0 ? f.t + " " : "") + sec[1] + " " + sec[2]).replace(/\s+/g, " ");
            if (r.phrases.some(function (p) { return hay.indexOf(p) >= 0; })) { s.score *= 3; pg.phrase = true; }
          });
          if (pg.phrase) {
            pg.score *= 3;
            pg.secs.sort(function (a, b) { return b.score - a.score || a.sec - b.sec; });
          }
        });
        top.sort(function (a, b) { return (b.phrase ? 1 : 0) - (a.phrase ? 1 : 0) || b.cover - a.cover || b.score - a.score || a.page - b.page; });
        r.pages = top.concat(r.pages.slice(20));
        return r;
      });
    });
  };

  /* marks returns the [start, end) ranges of text to mark: words whose
     term is one the query matched, and the query's CJK bigrams. */
  var marks = function (text, r, lang) {
    var out = [], re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text))) {
      var f = fold(m[0]);
      if (cjkRe.test(m[0])) {
        r.words.forEach(function (w) {
          if (w.word) return;
          for (var i = m[0].indexOf(w.surface); i >= 0; i = m[0].indexOf(w.surface, i + 1)) out.push([m.index + i, m.index + i + w.surface.length]);
        });
        continue;
      }
      var t = term(f, lang);
      if ((t && own(r.terms, t)) || r.words.some(function (w) { return w.prefix && f.startsWith(w.surface); })) out.push([m.index, m.index + m[0].length]);
    }
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out;
  };

  /* snippet picks about 160 characters of text around its first mark
     in prose, or in code (spans code, [start, end, …]) when all its
     marks are there, or from its first prose when it has none. It
     returns the text, with "…" where it was cut, and where it starts and
     ends in text. */
  var snippet = function (text, ms, code) {
    code = code || [];
    var inCode = function (i) {
      for (var k = 0; k < code.length; k += 2) if (i >= code[k] && i < code[k + 1]) return true;
      return false;
    };
    var at = -1;
    for (var k = 0; k < ms.length && at < 0; k++) if (!inCode(ms[k][0])) at = ms[k][0];
    if (at < 0 && ms.length) at = ms[0][0];
    var start = 0;
    if (at >= 0) start = Math.max(0, at - 50);
    else for (k = 0; k < code.length; k += 2) if (start >= code[k] && start < code[k + 1]) start = code[k + 1];
    if (start >= text.length) start = 0;
    if (start > 0 && (at < 0 || start < at)) { var sp = text.indexOf(" ", start); if (sp >= 0 && (at < 0 || sp < at)) start = sp + 1; }
    var end = Math.min(text.length, start + 160);
    return { text: (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : ""), shift: start - (start > 0 ? 1 : 0), cut: end };
  };

  var api = { fold: fold, tokens: tokens, stem: stem, term: term, parse: parse, distance: distance, Engine: Engine,
    marks: marks, snippet: snippet };

  /* attach runs search in the theme's dialog; manifest, when given, is
     its index's manifest already being fetched; strings are the page's
     (partials/strings.html), in the site's language. */
  api.attach = function (dialog, manifest, strings) {
    strings = strings || {};
    var str = function (k) { return typeof strings[k] === "string" ? strings[k] : k; };
    /* plural picks the form of key's forms for n, by the rules of the
       page's language, and puts shown (n unless given) for {n}. */
    var plural = function (k, n, shown) {
      var forms = strings[k] || {}, form = "other";
      try { form = new Intl.PluralRules(strings.lang || "en").select(n); } catch (e) { /* no Intl */ }
      var s = forms[form] || forms.other || k;
      return s.replace("{n}", shown === undefined ? String(n) : shown);
    };
    var d = document, input = dialog.querySelector("input"), list = dialog.querySelector(".search-results"),
      status = dialog.querySelector(".search-status");
    var engine = new Engine(new URL(dialog.getAttribute("data-index"), location.href).href, function (u) {
      return fetch(u).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    }, manifest);
    var SHOW = 5, seq = 0; // results shown at first, as each fetches its page's fragment
    var mark = function (el, text, ms, shift) {
      var at = 0;
      ms.forEach(function (s) {
        var a = s[0] - shift, b = s[1] - shift;
        if (a < at || a < 0 || b > text.length) return;
        el.appendChild(d.createTextNode(text.slice(at, a)));
        var m = d.createElement("mark");
        m.textContent = text.slice(a, b);
        el.appendChild(m);
        at = b;
      });
      el.appendChild(d.createTextNode(text.slice(at)));
    };
    var link = function (f, sec, r, lang, main) {
      var s = f.s[sec] || ["", "", ""], a = d.createElement("a"), title = d.createElement("span"), body = d.createElement("span");
      var head = sec === 0 || !s[1] ? f.t : (main ? f.t + " › " + s[1] : s[1]);
      var tm = marks(head, r, lang), bm = marks(s[2], r, lang), sn = snippet(s[2], bm, s[3]);
      var shown = bm.filter(function (x) { return x[0] >= sn.shift && x[1] <= sn.cut; });
      var first = shown.length ? s[2].slice(shown[0][0], shown[0][1]) : "";
      a.href = f.u + (s[0] || first ? "#" + (s[0] ? encodeURIComponent(s[0]) : "") : "") +
        (first ? ":~:text=" + encodeURIComponent(first).replace(/-/g, "%2D") : "");
      title.className = "result-title";
      mark(title, head, tm, 0);
      body.className = "result-text";
      mark(body, sn.text, shown, sn.shift);
      a.appendChild(title);
      a.appendChild(body);
      return a;
    };
    /* show renders the first n pages of r, the results of query q; its
       last page's fragments are fetched first. */
    var show = function (r, q, n, my) {
      var pages = r.pages.slice(0, n);
      return Promise.all(pages.map(function (pg) { return engine.fragment(pg.page); })).then(function (frags) {
        if (my !== seq) return;
        var focusAt = list.querySelectorAll(":scope > li").length;
        list.textContent = "";
        var lang = engine.m.lang;
        pages.forEach(function (pg, i) {
          var li = d.createElement("li"), f = frags[i];
          li.className = "result";
          li.appendChild(link(f, pg.secs[0].sec, r, lang, true));
          var subs = pg.secs.slice(1, 3).filter(function (s) { return s.sec !== 0 && f.s[s.sec]; });
          if (subs.length) {
            var ul = d.createElement("ul");
            ul.className = "result-sections";
            subs.forEach(function (s) { var sli = d.createElement("li"); sli.appendChild(link(f, s.sec, r, lang, false)); ul.appendChild(sli); });
            li.appendChild(ul);
          }
          list.appendChild(li);
        });
        current = { r: r, q: q, n: n };
        more.hidden = r.pages.length <= n;
        var full = r.full;
        status.textContent = !r.pages.length ? str("searchNoResults").replace("{query}", q.trim()) :
          full ? plural("searchPages", full, full + (r.more ? "+" : "")) + (r.pages.length > n ? str("searchBestShown").replace("{n}", n) : "") :
          plural("searchClosest", pages.length);
        if (focusAt && n > SHOW && list.children[focusAt]) list.children[focusAt].querySelector("a").focus();
      });
    };
    var run = function () {
      var q = input.value, my = ++seq;
      if (!q.trim()) { list.textContent = ""; status.textContent = ""; more.hidden = true; current = null; return; }
      engine.search(q).then(function (r) {
        // While the reader types, fetch fragments only for the query they
        // pause at.
        return new Promise(function (resolve) { setTimeout(resolve, my === 1 ? 0 : 60); }).then(function () { return r; });
      }).then(function (r) {
        if (my === seq) return show(r, q, SHOW, my);
      }).catch(function () { if (my === seq) status.textContent = str("searchIndexFailed"); });
    };
    var current = null, more = d.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = str("searchMore");
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    more.addEventListener("click", function () {
      if (current) show(current.r, current.q, current.n + 10, seq).catch(function () { status.textContent = str("searchIndexFailed"); });
    });
    input.addEventListener("input", run);
    return { run: run, engine: engine };
  };

  root.quireSearch = api;
})(typeof window !== "undefined" ? window : globalThis);
