/**
 * Bundles server.ts (the console's HTTP server: the lean API proxy, then Next.js) into
 * `.next/glasspane-server.mjs` for `npm start`, so production runs plain JavaScript: no
 * TypeScript loader thread (about 170 MB of RSS) and no `server-only` hook. Packages stay
 * external; `server-only` becomes an empty module, since this whole process is the server.
 * Runs after `next build` (scripts/build-if-stale.mjs, `npm run build`); also alone.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SERVER_BUNDLE = path.join('.next', 'glasspane-server.mjs');

/** @param {string} root */
export async function buildServer(root) {
  await build({
    absWorkingDir: root,
    entryPoints: ['server.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
    plugins: [
      {
        name: 'server-only',
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
        },
      },
    ],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  buildServer(root).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
