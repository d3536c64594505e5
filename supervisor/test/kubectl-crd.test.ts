import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { toYaml, widget, widgetCrd } from './manifests';
import { parseTable } from './tables';
import { waitFor } from './poll';

/**
 * CustomResourceDefinitions end to end with kubectl: establishment, discovery, schema
 * validation and defaulting, printer columns, short names and categories, the status and scale
 * subresources, patch media types, and CRD deletion removing every instance. Tests run in order
 * and share one CRD; the last one deletes it.
 */
describe('kubectl with a CustomResourceDefinition', () => {
  const sv = useSupervisor();
  const ns = 'crds';
  const crdName = 'widgets.example.com';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
  });

  interface Widget {
    metadata: { generation: number; resourceVersion: string };
    spec: Record<string, unknown>;
    status?: Record<string, unknown>;
  }
  const getWidget = async (name: string): Promise<Widget> => JSON.parse(await sv().kubectl.ok(['get', 'widget', name, '-n', ns, '-o', 'json'])) as Widget;

  it('applying a CRD establishes it (kubectl wait --for=condition=established) and serves it in discovery', async () => {
    expect(await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widgetCrd()) })).toBe(`customresourcedefinition.apiextensions.k8s.io/${crdName} created\n`);
    expect(await sv().kubectl.ok(['wait', '--for=condition=established', `crd/${crdName}`, '--timeout=30s'])).toBe(`customresourcedefinition.apiextensions.k8s.io/${crdName} condition met\n`);
    const crd = JSON.parse(await sv().kubectl.ok(['get', 'crd', crdName, '-o', 'json'])) as { status: { conditions: { type: string; status: string; reason: string }[]; acceptedNames: Record<string, unknown>; storedVersions: string[] } };
    const conditions = Object.fromEntries(crd.status.conditions.map((c) => [c.type, [c.status, c.reason]]));
    expect(conditions).toMatchObject({ NamesAccepted: ['True', 'NoConflicts'], Established: ['True', 'InitialNamesAccepted'] });
    expect(crd.status.acceptedNames).toEqual({ plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'], categories: ['all'] });
    expect(crd.status.storedVersions).toEqual(['v1']);

    const resources = parseTable(await sv().kubectl.ok(['api-resources', '--api-group=example.com']));
    expect(resources).toEqual([{ NAME: 'widgets', SHORTNAMES: 'wd', APIVERSION: 'example.com/v1', NAMESPACED: 'true', KIND: 'Widget' }]);
    expect((await sv().kubectl.ok(['api-versions'])).split('\n')).toContain('example.com/v1');
  });

  it('creates a custom resource and applies schema defaults', async () => {
    expect(await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widget('w1', ns, { size: 2 })) })).toBe('widget.example.com/w1 created\n');
    const w = await getWidget('w1');
    expect(w.spec).toEqual({ size: 2, replicas: 1, mode: 'safe' });
    expect(w.metadata.generation).toBe(1);
    // Client-side apply of a CR uses JSON merge patches: configured, then unchanged.
    expect(await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widget('w1', ns, { size: 3, color: 'red' })) })).toBe('widget.example.com/w1 configured\n');
    expect(await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widget('w1', ns, { size: 3, color: 'red' })) })).toBe('widget.example.com/w1 unchanged\n');
    const updated = await getWidget('w1');
    expect(updated.spec).toEqual({ size: 3, color: 'red', replicas: 1, mode: 'safe' });
    expect(updated.metadata.generation).toBe(2);
  });

  it('rejects an invalid custom resource with a 422 naming each field', async () => {
    const r = await sv().kubectl.run(['apply', '-f', '-'], { stdin: toYaml(widget('bad', ns, { size: 9, mode: 'slow' })) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      [
        'The Widget "bad" is invalid: ',
        '* spec.mode: Unsupported value: "slow": supported values: "fast", "safe"',
        '* spec.size: Invalid value: 9: spec.size in body should be less than or equal to 5',
      ].join('\n'),
    );
    const missing = await sv().kubectl.run(['apply', '-f', '-'], { stdin: toYaml(widget('empty', ns, { color: 'blue' })) });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('The Widget "empty" is invalid: spec.size: Required value');
    const wrongType = await sv().kubectl.run(['apply', '-f', '-'], { stdin: toYaml(widget('typed', ns, { size: 'big' })) });
    expect(wrongType.stderr.trim()).toBe('The Widget "typed" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"');
    expect((await sv().kubectl.run(['get', 'widget', 'bad', '-n', ns])).code).toBe(1);
  });

  it('prints the CRD printer columns; -o wide adds priority columns', async () => {
    await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widget('w2', ns, { size: 5, mode: 'fast' })) });
    const out = await sv().kubectl.ok(['get', 'widgets', '-n', ns]);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+SIZE\s+AGE$/);
    expect(parseTable(out).map((r) => [r.NAME, r.SIZE])).toEqual([
      ['w1', '3'],
      ['w2', '5'],
    ]);
    const wide = await sv().kubectl.ok(['get', 'widgets', '-n', ns, '-o', 'wide']);
    expect(wide.split('\n')[0]).toMatch(/^NAME\s+SIZE\s+MODE\s+AGE$/);
    expect(parseTable(wide).map((r) => [r.NAME, r.SIZE, r.MODE])).toEqual([
      ['w1', '3', 'safe'],
      ['w2', '5', 'fast'],
    ]);
  });

  it('resolves short names, singular and qualified names, field selectors, and the "all" category', async () => {
    for (const resource of ['wd', 'widget', 'widgets', 'widgets.example.com', 'widgets.v1.example.com']) {
      expect(await sv().kubectl.ok(['get', resource, '-n', ns, '-o', 'name'])).toBe('widget.example.com/w1\nwidget.example.com/w2\n');
    }
    expect(await sv().kubectl.ok(['get', 'wd', '-n', ns, '--field-selector', 'metadata.name=w2', '-o', 'name'])).toBe('widget.example.com/w2\n');
    // The namespace holds nothing else in the "all" category, so the widgets are the whole answer.
    expect(await sv().kubectl.ok(['get', 'all', '-n', ns, '-o', 'name'])).toBe('widget.example.com/w1\nwidget.example.com/w2\n');
    const table = await sv().kubectl.ok(['get', 'all', '-n', ns]);
    expect(table.split('\n')[0]).toMatch(/^NAME\s+SIZE\s+AGE$/);
    expect(parseTable(table).map((r) => [r.NAME, r.SIZE])).toEqual([
      ['widget.example.com/w1', '3'],
      ['widget.example.com/w2', '5'],
    ]);
  });

  it('kubectl scale uses the scale subresource; /status writes do not bump generation', async () => {
    const before = await getWidget('w1');
    expect(await sv().kubectl.ok(['scale', 'widget/w1', '-n', ns, '--replicas=3'])).toBe('widget.example.com/w1 scaled\n');
    const scaled = await getWidget('w1');
    expect(scaled.spec.replicas).toBe(3);
    expect(scaled.metadata.generation).toBe(before.metadata.generation + 1);

    expect(await sv().kubectl.ok(['patch', 'widget', 'w1', '-n', ns, '--subresource=status', '--type=merge', '-p', '{"status":{"replicas":3,"selector":"app=w1"}}'])).toBe('widget.example.com/w1 patched\n');
    const withStatus = await getWidget('w1');
    expect(withStatus.status).toEqual({ replicas: 3, selector: 'app=w1' });
    expect(withStatus.metadata.generation).toBe(scaled.metadata.generation);

    const scale = JSON.parse(await sv().kubectl.ok(['get', 'widget', 'w1', '-n', ns, '--subresource=scale', '-o', 'json'])) as Record<string, unknown>;
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'w1', namespace: ns }, spec: { replicas: 3 }, status: { replicas: 3, selector: 'app=w1' } });

    // With a status subresource, the main endpoint ignores .status.
    await sv().kubectl.ok(['patch', 'widget', 'w1', '-n', ns, '--type=merge', '-p', '{"status":{"replicas":99}}']);
    expect((await getWidget('w1')).status).toEqual({ replicas: 3, selector: 'app=w1' });

    // --current-replicas is a precondition checked against the scale subresource.
    const stale = await sv().kubectl.run(['scale', 'widget/w1', '-n', ns, '--current-replicas=1', '--replicas=4']);
    expect(stale.code).toBe(1);
    expect(stale.stderr.trim()).toBe('error: Expected replicas to be 1, was 3');
  });

  it('strategic merge patch on a custom resource is a 415; merge and json patches work', async () => {
    const r = await sv().kubectl.run(['patch', 'widget', 'w2', '-n', ns, '-p', '{"spec":{"size":4}}']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'error: application/strategic-merge-patch+json is not supported by example.com/v1, Kind=Widget: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    expect(await sv().kubectl.ok(['patch', 'widget', 'w2', '-n', ns, '--type=merge', '-p', '{"spec":{"size":4}}'])).toBe('widget.example.com/w2 patched\n');
    expect(await sv().kubectl.ok(['patch', 'widget', 'w2', '-n', ns, '--type=json', '-p', '[{"op":"replace","path":"/spec/mode","value":"safe"}]'])).toBe('widget.example.com/w2 patched\n');
    expect((await getWidget('w2')).spec).toEqual({ size: 4, mode: 'safe', replicas: 1 });
    const invalid = await sv().kubectl.run(['patch', 'widget', 'w2', '-n', ns, '--type=merge', '-p', '{"spec":{"size":0}}']);
    expect(invalid.stderr.trim()).toBe('The Widget "w2" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1');
  });

  it('kubectl explain reads the CRD schema', async () => {
    const out = await sv().kubectl.ok(['explain', 'widgets.spec']);
    expect(out).toMatch(/^GROUP:\s+example\.com$/m);
    expect(out).toMatch(/^KIND:\s+Widget$/m);
    expect(out).toMatch(/^VERSION:\s+v1$/m);
    expect(out).toMatch(/^ {2}size\t<integer> -required-\n {4}How big the widget is\.$/m);
    expect(out).toMatch(/^ {2}mode\t<string>\n {2}enum: fast, safe$/m);
  });

  it('kubectl delete crd removes the type and every instance; kubectl wait --for=delete sees it go', async () => {
    const wait = sv().kubectl.background(['wait', '--for=delete', `crd/${crdName}`, '--timeout=60s', '-v=6']);
    try {
      // Delete only once kubectl wait is watching the CRD (its -v=6 log shows the watch request).
      await wait.waitForOutput(/GET https:\S+\/customresourcedefinitions\?\S*watch=true\S* 200 OK/, { stream: 'stderr' });
      expect(await sv().kubectl.ok(['delete', 'crd', crdName])).toBe(`customresourcedefinition.apiextensions.k8s.io "${crdName}" deleted\n`);
      expect((await wait.exited).code).toBe(0);
      expect(wait.stdout).toBe(`customresourcedefinition.apiextensions.k8s.io/${crdName} condition met\n`);
    } finally {
      await wait.stop();
    }
    const gone = await sv().kubectl.run(['get', 'widgets', '-A']);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim()).toBe('error: the server doesn\'t have a resource type "widgets"');
    // Recreating the CRD must not resurrect the old instances.
    await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(widgetCrd()) });
    await sv().kubectl.ok(['wait', '--for=condition=established', `crd/${crdName}`, '--timeout=30s']);
    await waitFor(async () => (await sv().kubectl.run(['get', 'widgets', '-A'])).code === 0, { what: 'widgets to be served again' });
    const after = await sv().kubectl.run(['get', 'widgets', '-A']);
    expect(after.stdout).toBe('');
    expect(after.stderr.trim()).toBe('No resources found');
  });
});
