import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelForKind, modelGroup, parseModelName } from './model-packages';
import { generateBuiltinComponents, serializeComponents } from './roots';

describe('model package inference', () => {
  it('parses client-node model names', () => {
    expect(parseModelName('V1PodSpec')).toEqual({ prefixGroup: undefined, version: 'v1', typeName: 'PodSpec' });
    expect(parseModelName('CoreV1Event')).toEqual({ prefixGroup: '', version: 'v1', typeName: 'Event' });
    expect(parseModelName('V2beta1MetricSpec')).toMatchObject({ version: 'v2beta1', typeName: 'MetricSpec' });
    expect(() => parseModelName('VersionInfo')).toThrow();
  });

  it('assigns packages by prefix, meta list, core exceptions, then the reaching kind', () => {
    expect(modelGroup('RbacV1Subject', '')).toBe('rbac.authorization.k8s.io');
    expect(modelGroup('V1ObjectMeta', 'apps')).toBe('meta.apimachinery');
    expect(modelGroup('V1TopologySelectorTerm', 'storage.k8s.io')).toBe('');
    expect(modelGroup('V1DeploymentSpec', 'apps')).toBe('apps');
    const exists = (name: string) => ['EventsV1Event', 'V1Event', 'V1Pod'].includes(name);
    expect(modelForKind('events.k8s.io', 'v1', 'Event', exists)).toBe('EventsV1Event');
    expect(modelForKind('', 'v1', 'Pod', exists)).toBe('V1Pod');
  });
});

describe('generated/builtin-schemas.json', () => {
  it('is what the generator produces from the installed client-node (rerun the script if this fails)', () => {
    const committed = readFileSync(new URL('../generated/builtin-schemas.json', import.meta.url), 'utf8');
    expect(serializeComponents(generateBuiltinComponents().schemas)).toBe(committed);
  }, 30_000);
});
