/**
 * Regenerates supervisor/src/protobuf/k8s-descriptors.json from a kubectl v1.32 binary.
 *
 *   npx tsx supervisor/scripts/extract-k8s-protos.ts [path/to/kubectl]
 *
 * The binary defaults to $KUBECTL, else `kubectl` on PATH (symlinks resolved). It must be a
 * linux/amd64 Go build (kubectl is Apache-2.0; the output is derived from the Kubernetes API's
 * generated.proto files and Go struct tags it embeds). The output is deterministic for a given
 * binary; see supervisor/src/protobuf/README.md for what it contains.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';
import { extractFileDescriptors } from '../src/protobuf/build/file-descriptors';
import { readGoNamedTypes } from '../src/protobuf/build/go-types';
import { buildSchemaJson } from '../src/protobuf/build/schema-json';
import { WELL_KNOWN_MESSAGES } from '../src/protobuf/well-known';

/** API packages whose registered kinds can arrive as protobuf request bodies (stable versions only). */
const API_PACKAGES = [
  'core/v1', 'apps/v1', 'batch/v1', 'rbac/v1', 'authorization/v1', 'authentication/v1', 'autoscaling/v1',
  'policy/v1', 'networking/v1', 'scheduling/v1', 'coordination/v1', 'events/v1', 'discovery/v1', 'storage/v1',
  'certificates/v1',
].map((p) => `k8s.io/api/${p}`);
const EXTRA_ROOTS = ['k8s.io.apimachinery.pkg.runtime.Unknown', 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions'];

function kubectlPath(): string {
  const explicit = process.argv[2] ?? process.env.KUBECTL;
  if (explicit) return fs.realpathSync(explicit);
  return fs.realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim());
}

function main(): void {
  const binary = fs.readFileSync(kubectlPath());
  const files = extractFileDescriptors(binary);
  const goTypes = readGoNamedTypes(binary);
  const { json, warnings, messages } = buildSchemaJson(files.values(), goTypes, { kindPackages: API_PACKAGES, extraRoots: EXTRA_ROOTS, customJson: WELL_KNOWN_MESSAGES });
  // Proves the document loads and every reference resolves before it is written.
  protobuf.Root.fromJSON(json).resolveAll();
  const out = path.resolve(import.meta.dirname, '../src/protobuf/k8s-descriptors.json');
  const text = `${JSON.stringify(json)}\n`;
  fs.writeFileSync(out, text);
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`${path.relative(process.cwd(), out)}: ${messages} messages from ${files.size} descriptors, ${text.length} bytes`);
}

main();
