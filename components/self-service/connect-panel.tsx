'use client';

import { useEffect, useState } from 'react';
import { useCan } from '@/components/data/use-access';
import { kubeGet } from '@/lib/k8s/client';
import type { KubeError } from '@/lib/k8s/status';
import type { KubeObject } from '@/lib/k8s/types';
import { cloudInitRef, connectionSecret, secretText, serviceConnect, vmConnect } from '@/lib/self-service/connect';
import { CopyableCode } from './copy-button';
import { SecretValue } from './secret-value';

/**
 * "Connect": how to reach an object. A VM: its IP and the ssh command (the user read from its
 * cloud-init — inline, or from its cloud-init Secret when the user may read Secrets). A Service
 * or VirtualMachineService: its cluster DNS name per port and its load-balancer address. A
 * database: its service's DNS name and the connection string from the operator's Secret,
 * masked until revealed and copyable — read only when the user may get Secrets (else it says
 * so), held only while the panel is open and never logged.
 */
const muted = 'text-muted dark:text-muted-dark';

function useSecret(namespace: string, name: string | undefined, allowed: boolean | undefined): { secret?: KubeObject; error?: KubeError; loading: boolean } {
  const [state, setState] = useState<{ secret?: KubeObject; error?: KubeError; loading: boolean }>({ loading: true });
  useEffect(() => {
    if (!name || !allowed) return;
    const ctl = new AbortController();
    kubeGet<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`, ctl.signal).then(
      (secret) => setState({ secret, loading: false }),
      (error: KubeError) => !ctl.signal.aborted && setState({ error, loading: false }),
    );
    return () => ctl.abort();
  }, [namespace, name, allowed]);
  return state;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_minmax(0,1fr)] sm:items-center">
      <dt className={`text-xs ${muted}`}>{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function VmConnectView({ vm }: { vm: KubeObject }) {
  const ns = vm.metadata.namespace ?? '';
  const ref = cloudInitRef(vm);
  const canSecrets = useCan('get', '', 'secrets', ns);
  const secret = useSecret(ns, ref?.name, canSecrets);
  const c = vmConnect(vm, ref ? secretText(secret.secret, ref.key) : undefined);
  if (!c.ip) return <p className={`text-xs ${muted}`}>The VM has no IP address yet; it appears here once the guest reports one.</p>;
  return (
    <dl className="space-y-1.5">
      <Row label="IP address">
        <CopyableCode value={c.ip} label="Copy the IP address" />
      </Row>
      <Row label="SSH">
        <CopyableCode value={c.ssh!} label="Copy the ssh command" />
        {!c.user ? <p className={`mt-0.5 text-[11px] ${muted}`}>{ref && canSecrets === false ? 'Replace <user>: you may not read the cloud-init Secret that names it.' : 'Replace <user> with an account of the guest.'}</p> : null}
      </Row>
    </dl>
  );
}

function ServiceConnectView({ svc }: { svc: KubeObject }) {
  const c = serviceConnect(svc);
  return (
    <dl className="space-y-1.5">
      {c.endpoints.length ? (
        c.endpoints.map((e) => (
          <Row key={e.address} label={`In the cluster${e.name ? ` (${e.name})` : ''}`}>
            <CopyableCode value={e.address} label={`Copy ${e.address}`} />
          </Row>
        ))
      ) : (
        <Row label="In the cluster">
          <CopyableCode value={c.dns} label="Copy the DNS name" />
        </Row>
      )}
      {c.type === 'LoadBalancer' ? (
        <Row label="Load balancer">{c.external.length ? <CopyableCode value={c.external.join(', ')} label="Copy the load-balancer address" /> : <span className={`text-xs ${muted}`}>Waiting for an address…</span>}</Row>
      ) : null}
    </dl>
  );
}

function DatabaseConnectView({ obj }: { obj: KubeObject }) {
  const ns = obj.metadata.namespace ?? '';
  const ref = connectionSecret(obj)!;
  const canSecrets = useCan('get', '', 'secrets', ns);
  const secret = useSecret(ns, ref.name, canSecrets);
  const value = secretText(secret.secret, ref.key);
  return (
    <dl className="space-y-1.5">
      <Row label="In the cluster">
        <CopyableCode value={`${ref.service}.${ns}.svc.cluster.local`} label="Copy the database host name" />
      </Row>
      <Row label="Connection string">
        {canSecrets === false ? (
          <p className={`text-xs ${muted}`}>You may not read Secrets in {ns}, so the connection string (Secret {ref.name}) cannot be shown.</p>
        ) : canSecrets === undefined || secret.loading ? (
          <p role="status" className={`text-xs ${muted}`}>
            Reading Secret {ref.name}…
          </p>
        ) : secret.error ? (
          <p className={`text-xs ${muted}`}>{secret.error.code === 404 ? `The operator has not written Secret ${ref.name} yet.` : `Secret ${ref.name} cannot be read: ${secret.error.message}`}</p>
        ) : value ? (
          <SecretValue value={value} label="connection string" />
        ) : (
          <p className={`text-xs ${muted}`}>Secret {ref.name} has no “{ref.key}” key.</p>
        )}
      </Row>
    </dl>
  );
}

export function canConnect(obj: KubeObject): boolean {
  const kind = obj.kind ?? '';
  return kind === 'VirtualMachine' || kind === 'Service' || kind === 'VirtualMachineService' || !!connectionSecret(obj);
}

export function ConnectPanel({ obj, id }: { obj: KubeObject; id: string }) {
  const kind = obj.kind ?? '';
  return (
    <div id={id} className="mt-2 rounded-sm border border-line bg-canvas p-2 dark:border-line-dark dark:bg-canvas-dark">
      {kind === 'VirtualMachine' ? <VmConnectView vm={obj} /> : kind === 'Service' || kind === 'VirtualMachineService' ? <ServiceConnectView svc={obj} /> : connectionSecret(obj) ? <DatabaseConnectView obj={obj} /> : null}
    </div>
  );
}
