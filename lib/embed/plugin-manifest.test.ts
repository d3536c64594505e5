import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/plugin.json/route';
import { consoleOrigin } from './console-origin';
import { GLOBAL_VIEW_ID } from './html-client-sdk';
import { manifestUris, pluginManifestSchema, type PluginManifest } from './plugin-manifest-schema';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function served(url = 'http://127.0.0.1:3000/plugin.json', headers: Record<string, string> = {}): Promise<{ res: Response; body: unknown }> {
  const res = GET(new Request(url, { headers }));
  return { res, body: await res.json() };
}

/** The app/ page that serves an embedded path: static segments, possibly inside the (framed) route group. */
function pageFileFor(uri: string): string {
  const [first, ...rest] = new URL(uri, 'http://x/').pathname.replace(/^\//, '').split('/');
  const candidates = [path.join(ROOT, 'app', first!, ...rest, 'page.tsx'), path.join(ROOT, 'app', first!, '(framed)', ...rest, 'page.tsx')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

describe('/plugin.json', () => {
  it('is a valid remote plug-in manifest by the documented structure', async () => {
    const { res, body } = await served();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = pluginManifestSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues, null, 1)).toBe(true);
  });

  it('offers the global view, VM and namespace views and the VM power actions', async () => {
    const m = (await served()).body as PluginManifest;
    expect(m.global?.view.navigationId).toBe(GLOBAL_VIEW_ID);
    expect(Object.keys(m.objects ?? {})).toEqual(['VirtualMachine', 'Namespace']);
    const vm = m.objects!.VirtualMachine!;
    expect(vm.summary?.view.uri).toContain('embed/object');
    expect(vm.monitor?.views.length).toBeGreaterThan(0);
    expect(vm.configure?.views.length).toBeGreaterThan(0);
    const labels = (vm.menu?.actions ?? []).flatMap((a) => ('id' in a ? [m.definitions!.i18n!.definitions[a.labelKey]!['en-US']] : []));
    expect(labels).toEqual(['Power on', 'Power off', 'Suspend', 'Restart guest', 'Open in Glasspane']);
  });

  it('points every view and action at an embedded page that exists, in vSphere mode', async () => {
    const m = (await served()).body as PluginManifest;
    for (const uri of manifestUris(m)) {
      expect(uri, uri).toMatch(/^embed\//);
      expect(new URL(uri, 'http://x/').searchParams.get('host'), uri).toBe('vsphere');
      expect(existsSync(pageFileFor(uri)), `${uri} → ${pageFileFor(uri)}`).toBe(true);
    }
  });

  it('names the console URL it is served from, behind a proxy too', async () => {
    const direct = (await served()).body as PluginManifest;
    expect(direct.definitions?.i18n?.definitions['plugin.description']?.['en-US']).toContain('http://127.0.0.1:3000');
    const proxied = (await served('http://10.0.0.5:3000/plugin.json', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'glasspane.example.com' })).body as PluginManifest;
    expect(proxied.definitions?.i18n?.definitions['plugin.description']?.['en-US']).toContain('https://glasspane.example.com');
    expect(consoleOrigin(new Request('http://a:1/x', { headers: { 'x-forwarded-host': 'evil.test/<x>' } }))).toBe('http://a:1');
  });

  it('rejects manifests that break the documented rules', () => {
    const base = { manifestVersion: '1.0.0', requirements: { 'plugin.api.version': '1.0.0' }, configuration: { nameKey: 'n' }, definitions: { i18n: { locales: ['en-US'], definitions: { n: { 'en-US': 'N' } } } } };
    expect(pluginManifestSchema.safeParse(base).success).toBe(true);
    expect(pluginManifestSchema.safeParse({ ...base, manifestVersion: '3.0.0' }).success).toBe(false);
    expect(pluginManifestSchema.safeParse({ ...base, requirements: {} }).success).toBe(false);
    expect(pluginManifestSchema.safeParse({ ...base, configuration: { nameKey: 'missing' } }).success).toBe(false);
    expect(pluginManifestSchema.safeParse({ ...base, global: { view: { navigationId: 'g', uri: 'https://evil.test/x' } } }).success).toBe(false);
    expect(pluginManifestSchema.safeParse({ ...base, global: { view: { navigationId: 'g', uri: '/abs' } } }).success).toBe(false);
    const badTarget = { ...base, objects: { VirtualMachine: { menu: { actions: [{ id: 'a', labelKey: 'n', trigger: { type: 'navigation', targetViewId: 'nowhere' } }] } } } };
    expect(pluginManifestSchema.safeParse(badTarget).success).toBe(false);
  });
});
