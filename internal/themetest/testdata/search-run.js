// search-run.js runs the theme's search script (js/search.js) in node on a
// built site: node search-run.js SEARCH_JS SITE_DIR < queries, one a line;
// it prints, for each query, a JSON array of the result pages' URLs in
// rank order (the first 10).
"use strict";
const fs = require("fs");
const path = require("path");
require(path.resolve(process.argv[2]));
const dir = process.argv[3];
const get = (u) => new Promise((resolve, reject) => {
  fs.readFile(path.join(dir, decodeURIComponent(new URL(u).pathname)), "utf8", (err, data) => {
    if (err) reject(err); else resolve(JSON.parse(data));
  });
});
const engine = new globalThis.quireSearch.Engine("http://site.test/search-index.json", get);
const queries = fs.readFileSync(0, "utf8").split("\n").filter((q) => q.trim());
(async () => {
  for (const q of queries) {
    const r = await engine.search(q);
    const urls = [];
    for (const pg of r.pages.slice(0, 10)) urls.push((await engine.fragment(pg.page)).u);
    console.log(JSON.stringify(urls));
  }
})().catch((e) => { console.error(e); process.exit(1); });
