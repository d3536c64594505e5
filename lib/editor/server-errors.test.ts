import { describe, expect, it } from 'vitest';
import { parseYamlSafe } from './yaml-model';
import { problemDiagnostics, statusProblems } from './server-errors';
import { DEPLOYMENT_YAML } from './test-support/fixtures';
import { parseFieldPath, formatPath } from './yaml-paths';

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('field paths', () => {
  it('parses and formats the API server’s spelling', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parseFieldPath('.spec.foo')).toEqual(['spec', 'foo']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(formatPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels[app.kubernetes.io/name]');
  });
});

describe('statusProblems → diagnostics', () => {
  const r = parseYamlSafe(DEPLOYMENT_YAML);
  if (!r.ok) throw new Error('fixture');

  it('maps Invalid causes to their lines', () => {
    const status = {
      code: 422,
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.template.spec.containers[1].image: Required value',
      details: { causes: [{ type: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[1].image' }] },
    };
    const [d] = problemDiagnostics(statusProblems(status), r.doc, DEPLOYMENT_YAML);
    expect(d).toMatchObject({ source: 'server', message: 'spec.template.spec.containers[1].image: Required value' });
    expect(lineOf(DEPLOYMENT_YAML, d!.from)).toBe(26);
  });

  it('maps strict decoding errors (built-ins and CRDs) from the message', () => {
    const status = { code: 400, reason: 'BadRequest', message: 'strict decoding error: unknown field "spec.template.spec.containers[0].bar", unknown field "spec.replicas"' };
    const problems = statusProblems(status);
    expect(problems.map((p) => p.path)).toEqual([['spec', 'template', 'spec', 'containers', 0, 'bar'], ['spec', 'replicas']]);
    const ds = problemDiagnostics(problems, r.doc, DEPLOYMENT_YAML);
    expect(lineOf(DEPLOYMENT_YAML, ds[0]!.from)).toBe(21);
    expect(ds[0]!.message).toMatch(/nearest parent/);
    expect(lineOf(DEPLOYMENT_YAML, ds[1]!.from)).toBe(11);
    expect(statusProblems({ code: 422, message: 'x', details: { causes: [{ message: '.spec.foo: field not declared in schema', field: '' }] } })[0]!.path).toEqual(['spec', 'foo']);
  });

  it('keeps a field-less failure as one message on the first line', () => {
    const [d] = problemDiagnostics(statusProblems({ code: 403, message: 'deployments.apps "web" is forbidden' }), r.doc, DEPLOYMENT_YAML);
    expect(d).toMatchObject({ from: 0, message: 'deployments.apps "web" is forbidden' });
  });
});
