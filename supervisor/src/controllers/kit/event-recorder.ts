import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import { timestamp } from '../../core/metadata';
import type { SystemClient } from './system-client';

/**
 * Records core/v1 Events about objects the way client-go's recorder does: one Event per
 * object+reason+message, whose count and lastTimestamp grow when it repeats within ten minutes.
 */
export type EventType = 'Normal' | 'Warning';

const AGGREGATE_MS = 10 * 60 * 1000;

export class EventRecorder {
  private readonly recent = new Map<string, { namespace: string; name: string; at: number }>();

  constructor(private readonly client: SystemClient, private readonly component: string, private readonly host?: string) {}

  record(involved: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = involved.metadata;
    const namespace = meta.namespace || 'default';
    const key = `${meta.uid}|${reason}|${message}|${fieldPath ?? ''}`;
    const now = new Date();
    const seen = this.recent.get(key);
    try {
      if (seen && now.getTime() - seen.at < AGGREGATE_MS) {
        const existing = this.client.get('v1', 'events', seen.namespace, seen.name);
        if (existing) {
          const count = typeof existing.count === 'number' ? existing.count : 1;
          this.client.patch('v1', 'events', seen.namespace, seen.name, { count: count + 1, lastTimestamp: timestamp(now) });
          seen.at = now.getTime();
          return;
        }
      }
      const name = `${meta.name}.${Date.now().toString(16)}${randomBytes(2).toString('hex')}`;
      this.client.create('v1', 'events', {
        metadata: { name, namespace },
        involvedObject: { kind: involved.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: involved.apiVersion, resourceVersion: meta.resourceVersion, ...(fieldPath ? { fieldPath } : {}) },
        reason,
        message,
        type,
        source: { component: this.component, ...(this.host ? { host: this.host } : {}) },
        firstTimestamp: timestamp(now),
        lastTimestamp: timestamp(now),
        count: 1,
        eventTime: null,
        reportingComponent: this.component,
        reportingInstance: this.host ?? `${this.component}-0`,
      });
      this.recent.set(key, { namespace, name, at: now.getTime() });
      if (this.recent.size > 10_000) this.recent.clear();
    } catch {
      // Events are best effort, as with client-go: a namespace being deleted refuses them.
    }
  }
}
