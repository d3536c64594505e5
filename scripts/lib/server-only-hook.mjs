/**
 * `node --import ./scripts/lib/server-only-hook.mjs server.ts`: outside Next.js the whole
 * process is the server, so `import 'server-only'` (which throws unless bundled for the server)
 * resolves to an empty module. Next.js's own bundles are not affected.
 */
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(specifier, context, next) { return specifier === 'server-only' ? { url: 'data:text/javascript,export{}', shortCircuit: true } : next(specifier, context); }",
  )}`,
);
