import { describe, expect, it } from 'vitest';
import { isDns1123Label, validateObjectName } from './names';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('validateObjectName', () => {
  it('checks DNS-1123 subdomains (most kinds)', () => {
    expect(validateObjectName('my-app.v2', 'subdomain')).toEqual([]);
    expect(validateObjectName('My_App', 'subdomain')).toEqual([SUBDOMAIN_MSG]);
    expect(validateObjectName(`${'a'.repeat(250)}.com`, 'subdomain')).toEqual(['must be no more than 253 characters']);
  });

  it('checks DNS-1123 labels (namespaces, services)', () => {
    expect(validateObjectName('kube-system', 'label')).toEqual([]);
    expect(validateObjectName('a.b', 'label')).toEqual(['must not contain dots']);
    expect(validateObjectName('-a', 'label')).toEqual([LABEL_MSG]);
    expect(isDns1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('checks DNS-1035 labels', () => {
    expect(validateObjectName('web', 'dns1035-label')).toEqual([]);
    expect(validateObjectName('1web', 'dns1035-label')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('checks path segments', () => {
    expect(validateObjectName('Anything_Goes:1', 'path-segment')).toEqual([]);
    expect(validateObjectName('..', 'path-segment')).toEqual(["may not be '..'"]);
    expect(validateObjectName('a/b%c', 'path-segment')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });

  it('allows a trailing dash in a generateName prefix', () => {
    expect(validateObjectName('web-', 'subdomain', { prefix: true })).toEqual([]);
    expect(validateObjectName('web-', 'subdomain')).toEqual([SUBDOMAIN_MSG]);
  });
});
