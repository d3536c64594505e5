'use client';

import { useState } from 'react';
import { CSRF_HEADER, getCsrfToken } from '@/lib/k8s/client';
import { kubeconfigFileName, kubectlCommand } from '@/lib/self-service/kubeconfig';
import { CopyableCode } from './copy-button';

/**
 * kubectl access: "Download kubeconfig" for the signed-in user and the selected namespace, the
 * way `kubectl vsphere login` gives one (server, CA, the user's own token, a context selecting
 * the namespace), and the command that uses it. The file is fetched with the anti-CSRF header
 * (the server refuses it otherwise; see app/api/kubeconfig/route.ts) and saved from memory.
 */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(disposition ?? '');
  return m?.[1] && /^[A-Za-z0-9._-]+$/.test(m[1]) ? m[1] : fallback;
}

export function KubectlAccess({ namespace, clusterName }: { namespace: string; clusterName: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const fallback = kubeconfigFileName(clusterName, namespace);
  const [file, setFile] = useState(fallback);

  const download = async () => {
    setState({ busy: true });
    try {
      const res = await fetch(`/api/kubeconfig?namespace=${encodeURIComponent(namespace)}`, { headers: { [CSRF_HEADER]: getCsrfToken() }, credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
        setState({ busy: false, error: body?.message ?? `The console refused (${res.status}).` });
        return;
      }
      const name = fileNameOf(res.headers.get('content-disposition'), fallback);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setFile(name);
      setState({ busy: false, saved: name });
    } catch {
      setState({ busy: false, error: 'The console cannot be reached.' });
    }
  };

  return (
    <div className="space-y-2 text-xs">
      <p className="text-muted dark:text-muted-dark">
        A kubeconfig with your own token and the namespace {namespace} selected, as <code className="font-mono">kubectl vsphere login</code> gives. It is a credential: keep it private; it works as long as your token does.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => void download()} disabled={state.busy} className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500">
          {state.busy ? 'Preparing…' : 'Download kubeconfig'}
        </button>
        <span role="status" className="text-muted dark:text-muted-dark">
          {state.saved ? `Saved as ${state.saved}.` : ''}
        </span>
        {state.error ? (
          <span role="alert" className="text-red-700 dark:text-red-300">
            {state.error}
          </span>
        ) : null}
      </div>
      <div>
        <p className="mb-1 text-muted dark:text-muted-dark">Then, for example:</p>
        <CopyableCode value={kubectlCommand(file, namespace)} label="Copy the kubectl command" />
      </div>
    </div>
  );
}
