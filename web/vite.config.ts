import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

// The web client is served by the Värn server itself in production; in development `vite` proxies
// the API to a running server so the same origin rules (cookies, CSP) hold.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    // The report of initial bundle size is printed by scripts/bundle-report.ts after a build.
    reportCompressedSize: false,
    // No inline assets: the content security policy allows only files from our own origin.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Zod and its configuration share one chunk, so Zod is configured (jitless) before any
        // contract builds a schema, wherever the chunking puts the contracts. Otherwise Zod
        // probes `new Function`, which the content security policy forbids.
        advancedChunks: {
          groups: [
            {
              name: 'validation',
              test: /node_modules[\\/]zod[\\/]|configure-validation\.ts|contracts[\\/]configure\.ts/,
            },
          ],
        },
      },
      onLog(level, log, handler) {
        // React libraries mark modules "use client" for server components; meaningless in an SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
      '/ready': 'http://localhost:3000',
    },
  },
});
