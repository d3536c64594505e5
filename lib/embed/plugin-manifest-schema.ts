import { z } from 'zod';

/**
 * The documented structure of a vSphere Client remote plug-in manifest (`plugin.json`, manifest
 * versions 1.0.0–1.2.0 of the vSphere 7.0/8.0 schemas), as far as Glasspane uses it, plus the
 * cross-references the vSphere Client resolves when it loads one: every label key has a text in
 * every declared locale, every navigation target is a view of the plug-in, URIs are relative to
 * the manifest (the vSphere Client serves them through its reverse proxy), ids are unique.
 */
const relativeUri = z
  .string()
  .min(1)
  .max(2048)
  .refine((u) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(u) && !u.startsWith('/') && !u.startsWith('\\'), { message: 'URIs are relative to the manifest' });
const key = z.string().regex(/^[A-Za-z0-9_.-]+$/);
const icon = z.strictObject({ name: key });

const view = z.strictObject({ navigationId: key, labelKey: key, uri: relativeUri });
const viewList = z.strictObject({ views: z.array(view).min(1), dynamicUri: relativeUri.optional() });

const modalTrigger = z.strictObject({
  type: z.literal('modal'),
  uri: relativeUri,
  titleKey: key,
  accessibilityTitleKey: key.optional(),
  size: z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
});
const navigationTrigger = z.strictObject({ type: z.literal('navigation'), targetViewId: key });
const action = z.strictObject({ id: key, labelKey: key, icon: icon.optional(), trigger: z.discriminatedUnion('type', [modalTrigger, navigationTrigger]) });
const separator = z.strictObject({ type: z.literal('separator') });

const objectExtensions = z.strictObject({
  summary: z.strictObject({ view: z.strictObject({ uri: relativeUri, icon: icon.optional(), size: z.strictObject({ widthSpan: z.number().int().min(1).max(4), heightSpan: z.number().int().min(1).max(4) }).optional() }) }).optional(),
  monitor: viewList.optional(),
  configure: viewList.optional(),
  menu: z.strictObject({ actions: z.array(z.union([action, separator])), dynamicUri: relativeUri.optional() }).optional(),
});

export const pluginManifestSchema = z
  .strictObject({
    manifestVersion: z.enum(['1.0.0', '1.1.0', '1.2.0']),
    requirements: z.record(z.string(), z.union([z.string(), z.boolean()])).refine((r) => typeof r['plugin.api.version'] === 'string', { message: 'requirements need plugin.api.version' }),
    configuration: z.strictObject({ nameKey: key, icon: icon.optional() }),
    global: z.strictObject({ view: z.strictObject({ navigationId: key, uri: relativeUri, navigationVisible: z.boolean().optional() }) }).optional(),
    /** Keys are vSphere managed object types (VirtualMachine, HostSystem, …). */
    objects: z.record(z.string().regex(/^[A-Z][A-Za-z]+$/), objectExtensions).optional(),
    definitions: z
      .strictObject({
        iconSpriteSheet: z.strictObject({ uri: relativeUri, definitions: z.record(key, z.strictObject({ x: z.number().int(), y: z.number().int() })) }).optional(),
        i18n: z.strictObject({ locales: z.array(z.string().regex(/^[a-z]{2}-[A-Z]{2}$/)).min(1), definitions: z.record(key, z.record(z.string(), z.string().min(1))) }).optional(),
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    const i18n = m.definitions?.i18n;
    const labelKeys: string[] = [m.configuration.nameKey];
    const navigationIds: string[] = m.global ? [m.global.view.navigationId] : [];
    const actionIds: string[] = [];
    const targets: string[] = [];
    for (const ext of Object.values(m.objects ?? {})) {
      for (const v of [...(ext.monitor?.views ?? []), ...(ext.configure?.views ?? [])]) {
        labelKeys.push(v.labelKey);
        navigationIds.push(v.navigationId);
      }
      for (const a of ext.menu?.actions ?? []) {
        if (!('id' in a)) continue;
        actionIds.push(a.id);
        labelKeys.push(a.labelKey);
        if (a.trigger.type === 'modal') labelKeys.push(a.trigger.titleKey, ...(a.trigger.accessibilityTitleKey ? [a.trigger.accessibilityTitleKey] : []));
        else targets.push(a.trigger.targetViewId);
      }
    }
    for (const k of labelKeys) {
      const texts = i18n?.definitions[k];
      if (!texts) issue(`label key ${k} has no i18n definition`);
      else for (const locale of i18n.locales) if (!texts[locale]) issue(`label key ${k} has no ${locale} text`);
    }
    const dup = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of dup(navigationIds)) issue(`navigation id ${id} is used twice`);
    for (const id of dup(actionIds)) issue(`action id ${id} is used twice`);
    for (const t of targets) if (!navigationIds.includes(t)) issue(`navigation target ${t} is not a view of the plug-in`);
  });

export type PluginManifest = z.infer<typeof pluginManifestSchema>;

/** Every view and modal URI in a manifest, for checks that they exist. */
export function manifestUris(m: PluginManifest): string[] {
  const out: string[] = m.global ? [m.global.view.uri] : [];
  for (const ext of Object.values(m.objects ?? {})) {
    if (ext.summary) out.push(ext.summary.view.uri);
    for (const v of [...(ext.monitor?.views ?? []), ...(ext.configure?.views ?? [])]) out.push(v.uri);
    for (const a of ext.menu?.actions ?? []) if ('id' in a && a.trigger.type === 'modal') out.push(a.trigger.uri);
  }
  return out;
}
