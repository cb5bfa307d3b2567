import { describe, expect, it } from 'vitest';
import { initialScripts, initialStylesheets } from './bundle-report.ts';

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/chunk-b.js">
<link rel="stylesheet" crossorigin href="/assets/index-c.css">
<link rel="icon" href="/favicon.svg">
<link rel="preload" as="style" href="/assets/later-d.css">
</head><body></body></html>`;

describe('the bundle report', () => {
  it('counts what index.html loads before the first paint, and nothing loaded later', () => {
    expect(initialScripts(html)).toEqual(['/assets/index-a.js', '/assets/chunk-b.js']);
    expect(initialStylesheets(html)).toEqual(['/assets/index-c.css']);
  });
});
