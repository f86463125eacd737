// make audit: serve a built site on 127.0.0.1 and run Lighthouse (with
// Debian's chromium) on some of its pages, printing the four category
// scores of each. Not part of make test: Lighthouse's scores depend on the
// machine's load.
//
//   node audit.mjs DIR PORT PATH...
//
// With AUDIT_SCHEME=dark the browser prefers the dark colour scheme.
//
// DIR must have been built with --base-url http://127.0.0.1:PORT/ so its
// canonical URLs are absolute, as on a real host. The exit status is 1 when
// a score is under its goal (performance 95, the others 100).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [dir, port, ...paths] = process.argv.slice(2);
if (!dir || !port || paths.length === 0) {
  console.error("usage: node audit.mjs DIR PORT PATH...");
  process.exit(2);
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".md": "text/markdown; charset=utf-8",
};

// A static host: "/x/" is x/index.html, a missing file is 404.html.
// Fingerprinted CSS and JS are cached for a year, as a real host would.
const server = createServer(async (req, res) => {
  let p = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (p.endsWith("/")) p += "index.html";
  let file = join(dir, p), status = 200;
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
  } catch {
    file = join(dir, "404.html");
    status = 404;
  }
  const headers = { "Content-Type": types[extname(file)] || "application/octet-stream" };
  if (/\.[0-9a-f]{10}\.(css|js)$/.test(file)) headers["Cache-Control"] = "public, max-age=31536000, immutable";
  res.writeHead(status, headers);
  res.end(await readFile(file));
});
await new Promise((resolve) => server.listen(Number(port), "127.0.0.1", resolve));

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
    // AUDIT_SCHEME=dark audits the dark colour scheme (prefers-color-scheme).
    ...(process.env.AUDIT_SCHEME === "dark" ? ["--force-dark-mode"] : [])],
});
const goals = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
let failed = false;
try {
  for (const path of paths) {
    const url = `http://127.0.0.1:${port}${path}`;
    const result = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: Object.keys(goals),
    });
    const cats = result.lhr.categories;
    const scores = Object.keys(goals).map((k) => {
      const score = Math.round((cats[k].score ?? 0) * 100);
      if (score < goals[k]) failed = true;
      return `${cats[k].title} ${score}`;
    });
    console.log(`${path}: ${scores.join(", ")}`);
    for (const k of Object.keys(goals)) {
      for (const ref of cats[k].auditRefs) {
        const a = result.lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          console.log(`    ${k}: ${a.id}: ${a.title}${a.displayValue ? " (" + a.displayValue + ")" : ""}`);
          for (const item of (a.details && a.details.items) || []) {
            const what = item.description || item.url || item.source || "";
            if (typeof what === "string" && what) console.log(`        ${what}`);
          }
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
