import type { EventEmitter } from 'node:events';
import type { SupervisorOptions } from './supervisor.mjs';

export interface RestartableSupervisor {
  handle: EventEmitter & { kill(signal?: NodeJS.Signals): boolean };
  ready: Promise<{ url: string; kubeconfig: string }>;
  stop(): Promise<void>;
  start(): Promise<void>;
  readonly running: boolean;
}
export declare function restartableSupervisor(options: SupervisorOptions): RestartableSupervisor;
