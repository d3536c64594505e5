'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { exportFileName, exportYaml, kubectlApplyCommand } from '@/lib/editor/export';
import type { KubeObject } from '@/lib/k8s/types';
import { editHref } from '@/lib/resources/links';

/**
 * The object page's YAML entries: Edit YAML (the editor page), Download YAML (clean: no
 * managedFields, status or server-set metadata) and Copy as `kubectl apply`.
 */
const BUTTON = 'inline-flex h-7 items-center rounded-sm border border-line bg-panel px-2.5 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:bg-panel-dark dark:hover:bg-white/10';

export function ObjectYamlActions({ served, obj }: { served: ServedResource; obj: KubeObject }) {
  const d = served.descriptor;
  const [copied, setCopied] = useState<string>();
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(undefined), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  const full: KubeObject = { ...obj, apiVersion: obj.apiVersion ?? (d.group ? `${d.group}/${served.version}` : served.version), kind: obj.kind ?? d.kind };

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportYaml(full)], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(full);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(kubectlApplyCommand(full));
      setCopied('Copied the kubectl apply command');
    } catch {
      setCopied('The browser did not allow copying');
    }
  };

  return (
    <div role="group" aria-label="YAML" className="flex flex-wrap items-center gap-1.5">
      <Link href={editHref(d, obj.metadata.namespace, obj.metadata.name ?? '')} className={BUTTON}>
        Edit YAML
      </Link>
      <button type="button" onClick={download} className={BUTTON}>
        Download YAML
      </button>
      <button type="button" onClick={() => void copy()} className={BUTTON}>
        Copy kubectl apply
      </button>
      <span role="status" className="text-xs text-muted dark:text-muted-dark">
        {copied ?? ''}
      </span>
    </div>
  );
}
