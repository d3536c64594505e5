import { stringify } from 'yaml';
import type { KubeObject } from '../k8s/types';

/**
 * An object as clean YAML to download or re-apply elsewhere: everything the server set on its
 * own is left out — managedFields, status, uid, resourceVersion, creationTimestamp, generation,
 * selfLink, deletion markers and kubectl's last-applied-configuration annotation (empty label
 * and annotation maps are dropped too). Written in kubectl's layout.
 */
const SERVER_METADATA = ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function cleanForExport(obj: KubeObject): KubeObject {
  const { status: _status, ...rest } = obj;
  const metadata: Record<string, unknown> = { ...obj.metadata };
  for (const k of SERVER_METADATA) delete metadata[k];
  if (obj.metadata.annotations) {
    const { [LAST_APPLIED]: _la, ...annotations } = obj.metadata.annotations;
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  if (obj.metadata.labels && Object.keys(obj.metadata.labels).length === 0) delete metadata.labels;
  return { ...rest, metadata } as KubeObject;
}

export function exportYaml(obj: KubeObject): string {
  return stringify(cleanForExport(obj), { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false });
}

/** `kubectl apply -f - <<'EOF' … EOF`; the quoted delimiter keeps the shell from expanding `$`. */
export function kubectlApplyCommand(obj: KubeObject): string {
  const yaml = exportYaml(obj);
  let delimiter = 'EOF';
  for (let i = 1; yaml.split('\n').includes(delimiter); i++) delimiter = `EOF_${i}`;
  return `kubectl apply -f - <<'${delimiter}'\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${delimiter}\n`;
}

/** "deployment-web.yaml": a file name of safe characters only. */
export function exportFileName(obj: KubeObject): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${[obj.metadata.namespace, obj.kind, obj.metadata.name].filter(Boolean).map((s) => safe(String(s))).join('-') || 'object'}.yaml`;
}
