'use client';

import { Panel } from '@/components/ui/panel';
import { HealthText } from '../health-text';
import type { KubeObject } from '@/lib/k8s/types';
import { containerHealth, podContainers } from '@/lib/resources/pod-containers';

/** A pod's containers: image, state (with detail), readiness, restarts, ports, requests and limits. */
export function PodSection({ pod }: { pod: KubeObject }) {
  const containers = podContainers(pod);
  return (
    <Panel title="Containers">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Containers</caption>
          <thead>
            <tr className="text-xs text-muted dark:text-muted-dark">
              {['Name', 'Image', 'State', 'Ready', 'Restarts', 'Ports', 'Requests', 'Limits'].map((h) => (
                <th key={h} scope="col" className="py-1 pr-3 font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => (
              <tr key={`${c.init}-${c.name}`} className="border-t border-line/60 align-top dark:border-line-dark/60">
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  {c.name}
                  {c.init ? <span className="ml-1 text-xs font-normal text-muted dark:text-muted-dark">(init)</span> : null}
                </th>
                <td className="py-1 pr-3 font-mono text-xs break-all">{c.image}</td>
                <td className="py-1 pr-3">
                  <HealthText health={containerHealth(c)} text={c.state} />
                  {c.stateDetail ? <span className="block text-xs text-muted dark:text-muted-dark">{c.stateDetail}</span> : null}
                </td>
                <td className="py-1 pr-3">{c.ready ? 'Yes' : 'No'}</td>
                <td className="py-1 pr-3 tabular-nums">{c.restarts}</td>
                <td className="py-1 pr-3 font-mono text-xs">{c.ports.join(', ')}</td>
                <td className="py-1 pr-3 text-xs">{c.requests}</td>
                <td className="py-1 text-xs">{c.limits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
