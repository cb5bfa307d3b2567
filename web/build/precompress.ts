import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text. Fonts (woff2 is compressed already) and images are not. */
const compressible = /\.(?:js|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than the headers that announce it. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text file under `dir` of at least
 * {@link MIN_BYTES}, at the highest levels.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = (await fs.promises.readdir(dir, { recursive: true }))
    .map((f) => path.join(dir, f))
    .filter((f) => compressible.test(f));
  const written: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      const content = await fs.promises.readFile(file);
      if (content.length < MIN_BYTES) return;
      const [br, gzipped] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gz(content, { level: 9 }),
      ]);
      await Promise.all([
        fs.promises.writeFile(`${file}.br`, br),
        fs.promises.writeFile(`${file}.gz`, gzipped),
      ]);
      written.push(file);
    }),
  );
  return written.sort();
}

/**
 * Compresses the build once, at build time, so the server only picks the copy the browser
 * accepts (@fastify/static's preCompressed) and spends nothing per request. Both `npm run build`
 * and the first `npm start` go through the Vite config, so both get it.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'varn-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
