/**
 * Reports the web client's initial JavaScript and CSS (what index.html loads before the first
 * paint: its module scripts and their modulepreloads, its stylesheets), gzipped, and fails the
 * build over either budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;
/**
 * The stylesheets block the first paint. All of Aksel's CSS was 36 kB gzip; the login page's
 * components and the tokens are 22 kB (issue 21). A page's own components load with the page.
 */
export const INITIAL_CSS_BUDGET_BYTES = 25 * 1024;

export function initialScripts(indexHtml: string): string[] {
  const patterns = [
    /<script[^>]+src="([^"]+\.js)"/g,
    /<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const [, src] of indexHtml.matchAll(pattern)) if (src) found.add(src);
  }
  return [...found];
}

export function initialStylesheets(indexHtml: string): string[] {
  const links = indexHtml.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g);
  return [...links].flatMap(([tag]) => {
    const href = /href="([^"]+\.css)"/.exec(tag)?.[1];
    return href ? [href] : [];
  });
}

function measure(distDir: string, files: string[]) {
  const measured = files.map((src) => {
    const content = fs.readFileSync(path.join(distDir, src.replace(/^\//, '')));
    return { file: src, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const gzipTotal = measured.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files: measured, gzipTotal };
}

export function measureInitialJs(distDir: string) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  return measure(distDir, initialScripts(html));
}

export function measureInitialCss(distDir: string) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  return measure(distDir, initialStylesheets(html));
}

if (import.meta.main) {
  const dist = path.resolve(import.meta.dirname, '..', 'web', 'dist');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  let over = false;
  for (const [label, measured, budget, advice] of [
    [
      'Initial JavaScript',
      measureInitialJs(dist),
      INITIAL_JS_BUDGET_BYTES,
      'split a route with a dynamic import, or drop a dependency',
    ],
    [
      'Initial CSS',
      measureInitialCss(dist),
      INITIAL_CSS_BUDGET_BYTES,
      "load a page's component styles with the page (web/src/app/page-styles.css)",
    ],
  ] as const) {
    for (const f of measured.files) {
      console.log(`  ${f.file}  ${kb(f.bytes)}  (gzip ${kb(f.gzipBytes)})`);
    }
    console.log(`${label}: ${kb(measured.gzipTotal)} gzip of ${kb(budget)} budget`);
    if (measured.gzipTotal > budget) {
      console.error(`${label} over the budget: ${advice}.`);
      over = true;
    }
  }
  if (over) process.exit(1);
}
