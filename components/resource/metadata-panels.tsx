'use client';

import Link from 'next/link';
import { Panel } from '@/components/ui/panel';
import { PropertyTable, type Property } from '@/components/ui/property-table';
import type { KubeObject } from '@/lib/k8s/types';
import { ownersOf } from '@/lib/related/owners';
import { age } from '@/lib/resources/format';
import { namespaceHref } from '@/lib/resources/links';
import { safeHttpUrl } from '@/lib/resources/safe-url';
import type { ResourceDescriptor, SummaryField } from '@/lib/resources/types';
import { useNow } from './use-now';
import { useRefHref } from './use-ref-href';

/**
 * The Summary tab's Details (the kind's own fields from its descriptor, then where it lives,
 * its owners and age) and its Labels and annotations. Every value is rendered as text; an
 * annotation value becomes a link only when it is an absolute http(s) URL.
 */
/** The descriptor's summary fields as table rows, references as links. */
export function useFieldProperties(fields: SummaryField[]): Property[] {
  const refHref = useRefHref();
  const items: Property[] = [];
  for (const f of fields) {
    if (f.value === undefined || f.value === '') continue;
    const href = f.ref ? refHref(f.ref) : undefined;
    items.push({ label: f.label, mono: f.mono, value: href ? <Link href={href} className="text-accent hover:underline dark:text-accent-dark">{String(f.value)}</Link> : String(f.value) });
  }
  return items;
}

/** `fields: false` when the kind's own section already shows the descriptor's fields. */
export function DetailsPanel({ d, obj, fields = true }: { d: ResourceDescriptor; obj: KubeObject; fields?: boolean }) {
  const refHref = useRefHref();
  const now = useNow(30_000);
  const items = useFieldProperties(fields ? (d.summary?.(obj) ?? []) : []);
  const ns = obj.metadata.namespace;
  if (ns) items.push({ label: 'Namespace', value: <Link href={namespaceHref(ns)} className="text-accent hover:underline dark:text-accent-dark">{ns}</Link> });
  const owners = ownersOf(obj);
  if (owners.length) {
    items.push({
      label: owners.length > 1 ? 'Owners' : 'Owner',
      value: (
        <span className="flex flex-wrap gap-x-3">
          {owners.map((o) => {
            const href = refHref(o);
            const text = `${o.kind} ${o.name}`;
            return href ? <Link key={o.uid} href={href} className="text-accent hover:underline dark:text-accent-dark">{text}</Link> : <span key={o.uid}>{text}</span>;
          })}
        </span>
      ),
    });
  }
  const created = obj.metadata.creationTimestamp;
  if (created) items.push({ label: 'Created', value: <span title={created}>{`${created} (${age(created, now)} ago)`}</span> });
  if (obj.metadata.uid) items.push({ label: 'UID', value: obj.metadata.uid, mono: true });
  return (
    <Panel title="Details">
      <PropertyTable items={items} />
    </Panel>
  );
}

function AnnotationValue({ value }: { value: string }) {
  const href = safeHttpUrl(value);
  if (href) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-accent hover:underline dark:text-accent-dark">
        {value}
      </a>
    );
  }
  if (value.length > 200) {
    return (
      <details>
        <summary className="cursor-pointer text-muted dark:text-muted-dark">{`${value.slice(0, 80)}… (${value.length} characters)`}</summary>
        <pre className="mt-1 max-h-64 overflow-auto font-mono text-xs break-all whitespace-pre-wrap">{value}</pre>
      </details>
    );
  }
  return <span className="break-all whitespace-pre-wrap">{value}</span>;
}

export function LabelsPanel({ obj }: { obj: KubeObject }) {
  const labels = Object.entries(obj.metadata.labels ?? {});
  const annotations = Object.entries(obj.metadata.annotations ?? {});
  return (
    <Panel title="Labels and annotations">
      <h3 className="text-xs font-semibold text-muted dark:text-muted-dark">Labels</h3>
      {labels.length ? (
        <ul aria-label="Labels" className="mt-1 mb-2 flex flex-wrap gap-1">
          {labels.map(([k, v]) => (
            <li key={k} className="rounded-sm border border-line bg-canvas px-1.5 font-mono text-xs break-all dark:border-line-dark dark:bg-canvas-dark">
              {v ? `${k}=${v}` : k}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 mb-2 text-muted dark:text-muted-dark">None</p>
      )}
      <h3 className="text-xs font-semibold text-muted dark:text-muted-dark">Annotations</h3>
      {annotations.length ? (
        <table aria-label="Annotations" className="mt-1 w-full table-fixed border-collapse text-left">
          <tbody>
            {annotations.map(([k, v]) => (
              <tr key={k} className="align-top">
                <th scope="row" className="w-2/5 py-0.5 pr-3 font-mono text-xs font-normal break-all text-muted dark:text-muted-dark">
                  {k}
                </th>
                <td className="py-0.5 font-mono text-xs">
                  <AnnotationValue value={v} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-1 text-muted dark:text-muted-dark">None</p>
      )}
    </Panel>
  );
}
