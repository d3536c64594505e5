import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStatus, newestInput } from './build-if-stale.mjs';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'glasspane-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a file with a given modification time (seconds since the epoch). */
async function touch(relative: string, mtime: number) {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '');
  await utimes(file, mtime, mtime);
}

describe('buildStatus', () => {
  it('is stale without the server bundle, and when server.ts is newer', async () => {
    await touch('app/page.tsx', 1000);
    await touch('.next/BUILD_ID', 2000);
    expect(await buildStatus(root)).toEqual({ stale: true, reason: 'no server bundle yet (.next/glasspane-server.mjs is missing)' });
    await touch('.next/glasspane-server.mjs', 2000);
    await touch('server.ts', 3000);
    expect(await buildStatus(root)).toEqual({ stale: true, reason: 'server.ts changed after the last build' });
  });

  it('is stale without a BUILD_ID', async () => {
    await touch('app/page.tsx', 1000);
    expect(await buildStatus(root)).toEqual({ stale: true, reason: 'no build yet (.next/BUILD_ID is missing)' });
  });

  it('is stale when any input is newer than the build, naming it', async () => {
    await touch('app/page.tsx', 1000);
    await touch('lib/k8s-server/deep/cluster.ts', 3000);
    await touch('.next/BUILD_ID', 2000);
    await touch('.next/glasspane-server.mjs', 2000);
    expect(await buildStatus(root)).toEqual({ stale: true, reason: 'lib/k8s-server/deep/cluster.ts changed after the last build' });
  });

  it('is fresh when the build is newer than every input, ignoring tests and other directories', async () => {
    await touch('app/page.tsx', 1000);
    await touch('package.json', 1500);
    await touch('lib/env.test.ts', 5000);
    await touch('lib/k8s-server/test-support/tls.ts', 5000);
    await touch('supervisor/src/main.ts', 5000);
    await touch('e2e/home.spec.ts', 5000);
    await touch('.next/BUILD_ID', 2000);
    await touch('.next/glasspane-server.mjs', 2000);
    expect(await buildStatus(root)).toEqual({ stale: false, reason: 'the build is up to date' });
  });

  it('notices configuration files at the top level', async () => {
    await touch('app/page.tsx', 1000);
    await touch('.next/BUILD_ID', 2000);
    await touch('.next/glasspane-server.mjs', 2000);
    await touch('next.config.js', 2500);
    expect(await buildStatus(root)).toMatchObject({ stale: true, reason: 'next.config.js changed after the last build' });
  });
});

describe('newestInput', () => {
  it('reports no file when no input exists', async () => {
    expect(await newestInput(root)).toEqual({ mtimeMs: 0, file: null });
  });
});
