import { GLOBAL_VIEW_ID } from './html-client-sdk';
import type { PluginManifest } from './plugin-manifest-schema';

/**
 * Glasspane as a vSphere Client remote plug-in: a global view (the inventory), and for VMs and
 * vSphere Namespaces a summary card, monitor and configure views and menu actions (VM power,
 * "Open in Glasspane"). Every URI is relative to the manifest, as the vSphere Client requires,
 * so the manifest works wherever the console is served; `host=vsphere` tells the page to take
 * its context from `htmlClientSdk`. The console's own URL is named in the description.
 */
export interface ManifestOptions {
  /** The console's public origin (and base path, if any), e.g. https://glasspane.example.com. */
  consoleUrl: string;
}

const VSPHERE = 'host=vsphere';
const POWER_MODAL = { width: 560, height: 340 };

type Texts = Record<string, string>;

const TEXTS: Texts = {
  'plugin.name': 'Glasspane',
  'global.label': 'Glasspane',
  'vm.monitor.events': 'Glasspane events',
  'vm.monitor.related': 'Glasspane related objects',
  'vm.configure.yaml': 'Glasspane YAML',
  'vm.powerOn': 'Power on',
  'vm.powerOff': 'Power off',
  'vm.suspend': 'Suspend',
  'vm.restart': 'Restart guest',
  'vm.powerOn.title': 'Power on (Glasspane)',
  'vm.powerOff.title': 'Power off (Glasspane)',
  'vm.suspend.title': 'Suspend (Glasspane)',
  'vm.restart.title': 'Restart (Glasspane)',
  'open': 'Open in Glasspane',
  'ns.monitor.events': 'Glasspane events',
  'ns.configure.yaml': 'Glasspane YAML',
};

function powerAction(op: 'on' | 'off' | 'suspend' | 'restart', key: string) {
  return {
    id: `glasspane.vm.${key}`,
    labelKey: `vm.${key}`,
    trigger: { type: 'modal' as const, uri: `embed/actions/vm-power?op=${op}&${VSPHERE}`, titleKey: `vm.${key}.title`, size: POWER_MODAL },
  };
}

const openInGlasspane = (kind: string) => ({ id: `glasspane.${kind}.open`, labelKey: 'open', trigger: { type: 'navigation' as const, targetViewId: GLOBAL_VIEW_ID } });

export function pluginManifest({ consoleUrl }: ManifestOptions): PluginManifest {
  const texts: Texts = { ...TEXTS, 'plugin.description': `VMs, vSphere Pods and services of the Supervisor, from the Glasspane console at ${consoleUrl}.` };
  return {
    manifestVersion: '1.0.0',
    requirements: { 'plugin.api.version': '1.0.0' },
    configuration: { nameKey: 'plugin.name' },
    global: { view: { navigationId: GLOBAL_VIEW_ID, uri: `embed/inventory?${VSPHERE}`, navigationVisible: true } },
    objects: {
      VirtualMachine: {
        summary: { view: { uri: `embed/object?card=1&${VSPHERE}`, size: { widthSpan: 1, heightSpan: 2 } } },
        monitor: {
          views: [
            { navigationId: 'glasspane.vm.events', labelKey: 'vm.monitor.events', uri: `embed/object?tab=events&${VSPHERE}` },
            { navigationId: 'glasspane.vm.related', labelKey: 'vm.monitor.related', uri: `embed/object?tab=related&${VSPHERE}` },
          ],
        },
        configure: { views: [{ navigationId: 'glasspane.vm.yaml', labelKey: 'vm.configure.yaml', uri: `embed/object?tab=yaml&${VSPHERE}` }] },
        menu: {
          actions: [powerAction('on', 'powerOn'), powerAction('off', 'powerOff'), powerAction('suspend', 'suspend'), powerAction('restart', 'restart'), { type: 'separator' }, openInGlasspane('vm')],
        },
      },
      Namespace: {
        summary: { view: { uri: `embed/object?card=1&${VSPHERE}`, size: { widthSpan: 1, heightSpan: 2 } } },
        monitor: { views: [{ navigationId: 'glasspane.ns.events', labelKey: 'ns.monitor.events', uri: `embed/object?tab=events&${VSPHERE}` }] },
        configure: { views: [{ navigationId: 'glasspane.ns.yaml', labelKey: 'ns.configure.yaml', uri: `embed/object?tab=yaml&${VSPHERE}` }] },
        menu: { actions: [openInGlasspane('ns')] },
      },
    },
    definitions: {
      i18n: { locales: ['en-US'], definitions: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, { 'en-US': v }])) },
    },
  };
}
