/**
 * Reports the web client's initial JavaScript (what index.html loads before the first paint:
 * its module scripts and their modulepreloads), gzipped, and fails the build over the budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

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

export function measureInitialJs(distDir: string) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((src) => {
    const content = fs.readFileSync(path.join(distDir, src.replace(/^\//, '')));
    return { file: src, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const gzipTotal = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, gzipTotal };
}

if (import.meta.main) {
  const dist = path.resolve(import.meta.dirname, '..', 'web', 'dist');
  const { files, gzipTotal } = measureInitialJs(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  for (const f of files) console.log(`  ${f.file}  ${kb(f.bytes)}  (gzip ${kb(f.gzipBytes)})`);
  console.log(`Initial JavaScript: ${kb(gzipTotal)} gzip of ${kb(INITIAL_JS_BUDGET_BYTES)} budget`);
  if (gzipTotal > INITIAL_JS_BUDGET_BYTES) {
    console.error('Over the budget: split a route with a dynamic import, or drop a dependency.');
    process.exit(1);
  }
}
