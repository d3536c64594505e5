import { describe, expect, it } from 'vitest';
import { buildCustomResourceDocument } from './custom-resource-document';
import { documentHash, OpenAPIDocumentCache, openapiV3Root } from './root';
import { CRON_TAB } from './testing/sample-crd';
import type { OpenAPIV3Document } from './types';

describe('openapiV3Root', () => {
  it('lists each group-version with a hash-pinned server-relative URL', () => {
    expect(openapiV3Root([{ path: 'apis/apps/v1', hash: 'BB' }, { path: 'api/v1', hash: 'AA' }])).toEqual({
      paths: {
        'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=AA' },
        'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=BB' },
      },
    });
  });
});

describe('documentHash', () => {
  it('is an upper-case hex SHA-512 that is stable and changes with the document', () => {
    const doc = buildCustomResourceDocument(CRON_TAB);
    const hash = documentHash(doc);
    expect(hash).toMatch(/^[0-9A-F]{128}$/);
    expect(documentHash(buildCustomResourceDocument(CRON_TAB))).toBe(hash);
    expect(documentHash(JSON.stringify(doc))).toBe(hash);
    const changed = buildCustomResourceDocument({ ...CRON_TAB, schema: { ...CRON_TAB.schema, description: 'changed' } });
    expect(documentHash(changed)).not.toBe(hash);
  });
});

describe('OpenAPIDocumentCache', () => {
  it('builds once per group-version and changes the root hash only for an invalidated, changed document', () => {
    const cache = new OpenAPIDocumentCache();
    let description = 'first';
    let builds = 0;
    const crd = (): OpenAPIV3Document => {
      builds++;
      return buildCustomResourceDocument({ ...CRON_TAB, schema: { ...CRON_TAB.schema, description } });
    };
    const other = (): OpenAPIV3Document => buildCustomResourceDocument({ ...CRON_TAB, group: 'other.example.com' });
    const builders = new Map([['apis/stable.example.com/v1', crd], ['apis/other.example.com/v1', other]]);
    const before = cache.root(builders);
    cache.root(builders);
    expect(builds).toBe(1);
    expect(cache.get('apis/stable.example.com/v1', crd).json).toBe(JSON.stringify(crd()));

    description = 'second';
    expect(cache.root(builders)).toEqual(before);
    cache.invalidate('apis/stable.example.com/v1');
    const after = cache.root(builders);
    expect(after.paths['apis/stable.example.com/v1']).not.toEqual(before.paths['apis/stable.example.com/v1']);
    expect(after.paths['apis/other.example.com/v1']).toEqual(before.paths['apis/other.example.com/v1']);
  });
});
