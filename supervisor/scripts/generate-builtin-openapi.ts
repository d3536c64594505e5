/**
 * Regenerates supervisor/src/openapi/generated/builtin-schemas.json from @kubernetes/client-node's
 * models. Run after upgrading client-node or editing the tables in supervisor/src/openapi/generator:
 *   npx tsx supervisor/scripts/generate-builtin-openapi.ts [--names]
 * `--names` prints the client-node model → component name mapping for review.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateBuiltinComponents, serializeComponents } from '../src/openapi/generator/roots';

const target = fileURLToPath(new URL('../src/openapi/generated/builtin-schemas.json', import.meta.url));
const { schemas, names } = generateBuiltinComponents();
const text = serializeComponents(schemas);
writeFileSync(target, text);
console.log(`wrote ${Object.keys(schemas).length} components (${(text.length / 1024).toFixed(0)} KiB) to ${target}`);
if (process.argv.includes('--names')) {
  for (const [model, name] of Object.entries(names).sort()) {
    if (!name.startsWith('io.k8s.api.core.')) console.log(`${model.padEnd(48)} ${name}`);
  }
}
