/**
 * The build-time readers against the real kubectl binary, when this machine has one (the
 * generated k8s-descriptors.json is committed, so nothing else needs kubectl).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFileDescriptors } from './file-descriptors';
import { GoKind, readGoNamedTypes } from './go-types';
import { fieldAnnotation } from './go-annotations';

function kubectl(): string | undefined {
  try {
    const found = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
    const real = fs.realpathSync(found);
    const head = Buffer.alloc(20);
    const fd = fs.openSync(real, 'r');
    fs.readSync(fd, head, 0, 20, 0);
    fs.closeSync(fd);
    // Only linux/amd64 ELF executables are supported by the readers.
    return head.readUInt32BE(0) === 0x7f454c46 && head.readUInt16LE(18) === 62 ? real : undefined;
  } catch {
    return undefined;
  }
}

const binaryPath = kubectl();

describe.skipIf(!binaryPath)('reading the kubectl binary', () => {
  const binary = binaryPath ? fs.readFileSync(binaryPath) : Buffer.alloc(0);

  it('finds the embedded generated.proto descriptors', () => {
    const files = extractFileDescriptors(binary);
    const core = files.get('k8s.io/api/core/v1/generated.proto');
    expect(core?.package).toBe('k8s.io.api.core.v1');
    expect(core?.messageType?.some((m) => m.name === 'ConfigMap')).toBe(true);
    expect(files.has('k8s.io/apimachinery/pkg/runtime/generated.proto')).toBe(true);
  });

  it('reads Go struct tags of the API types', () => {
    const types = readGoNamedTypes(binary);
    const meta = types.get('k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta');
    expect(meta?.kind).toBe(GoKind.Struct);
    expect(meta?.fields?.find((f) => f.name === 'Name')?.tag).toBe('json:"name,omitempty" protobuf:"bytes,1,opt,name=name"');
    const volume = types.get('k8s.io/api/core/v1.Volume');
    expect(fieldAnnotation(volume, { name: 'volumeSource', number: 2 }, () => {})).toEqual({ go: 'ei' });
    const spec = types.get('k8s.io/api/apps/v1.DeploymentSpec');
    expect(fieldAnnotation(spec, { name: 'replicas', number: 1 }, () => {})).toEqual({ go: 'p' });
    expect(types.get('k8s.io/api/authorization/v1.ExtraValue')?.kind).toBe(GoKind.Slice);
  });
});
