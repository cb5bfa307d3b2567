import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

describe('precompressDir', () => {
  it('writes a brotli and a gzip copy of each text file worth it, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const script = `export const text = ${JSON.stringify('Värn '.repeat(2000))};`;
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), script);
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>x</p>'.repeat(300)}`);
    fs.writeFileSync(path.join(dir, 'assets', 'tiny.js'), 'export {};');
    fs.writeFileSync(path.join(dir, 'assets', 'font.woff2'), Buffer.alloc(4096, 7));

    const written = await precompressDir(dir);

    expect(written.map((f) => path.relative(dir, f))).toEqual([
      path.join('assets', 'index-abc.js'),
      'index.html',
    ]);
    const js = path.join(dir, 'assets', 'index-abc.js');
    expect(brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(fs.statSync(`${js}.br`).size).toBeLessThan(script.length / 10);
    expect(fs.existsSync(path.join(dir, 'assets', 'tiny.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'assets', 'font.woff2.br'))).toBe(false);
  });
});
