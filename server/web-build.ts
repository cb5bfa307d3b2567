import fs from 'node:fs';
import path from 'node:path';

export const webRoot = (projectRoot: string) => path.join(projectRoot, 'web', 'dist');

/** Where the web client's sources live: a change in any of them means the build is stale. */
const sourcePaths = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/build',
  'web/public',
  'core',
];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function webBuildIsStale(projectRoot: string): boolean {
  const index = path.join(webRoot(projectRoot), 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return sourcePaths.some((p) => newestMtime(path.join(projectRoot, p)) > built);
}

/** `npm start` on a fresh clone builds the web client once; later starts reuse the build. */
export async function buildWebIfNeeded(projectRoot: string, say: (line: string) => void) {
  if (!webBuildIsStale(projectRoot)) return;
  say('Bygger webbgränssnittet (tar en halv minut första gången)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
  say('Webbgränssnittet är byggt.');
}
