import type { ReactNode } from 'react';
import { AlertCard } from '@/components/ui/alert-card';
import type { KubeError } from '@/lib/k8s/status';

/** Loading, empty, no-access and error states shared by lists and pages. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-2 p-4 text-muted dark:text-muted-dark">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 motion-safe:animate-spin">
        <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="p-4 text-muted dark:text-muted-dark">{children}</p>;
}

export function NoAccess({ what }: { what: string }) {
  return (
    <div role="status" className="m-4 rounded-sm border border-line bg-panel p-4 dark:border-line-dark dark:bg-panel-dark">
      <h2 className="font-semibold">No access</h2>
      <p className="mt-1 text-muted dark:text-muted-dark">Your account may not see {what}. Ask an administrator for access if you need it.</p>
    </div>
  );
}

/** An API failure in plain words: the API's own message, and its field causes when it gave any. */
export function ApiErrorText({ error }: { error: KubeError | Error }) {
  const causes = 'causes' in error ? error.causes : [];
  return (
    <div className="space-y-1">
      <p className="break-words">{error.message}</p>
      {causes.length > 0 ? (
        <ul className="list-disc pl-5">
          {causes.map((c, i) => (
            <li key={i}>
              {c.field ? <span className="font-mono text-xs">{c.field}: </span> : null}
              {c.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A refused request in a dialog, in plain words; `lead` is the sentence before the API's message. */
export function RefusedAlert({ error, lead }: { error: KubeError | Error; lead?: string }) {
  return (
    <div role="alert" className="rounded-sm border border-red-300 bg-red-50 p-2 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
      {lead ? <p className="font-medium">{lead}</p> : null}
      <ApiErrorText error={error} />
    </div>
  );
}

export function ErrorState({ title, error }: { title: string; error: KubeError | Error }) {
  return (
    <div className="p-4">
      <AlertCard title={title}>
        <ApiErrorText error={error} />
      </AlertCard>
    </div>
  );
}
