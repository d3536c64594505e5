import type { ChildProcess } from 'node:child_process';

export declare const READY_LINE: RegExp;
export declare const DEFAULT_ENTRY: string;
export declare function parseReadyLine(line: string): { url: string; kubeconfig: string } | null;
export interface SupervisorOptions {
  root: string;
  dataDir: string;
  port: number | string;
  host?: string;
  args?: string[];
  entry?: string;
  env?: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}
export declare function startSupervisor(options: SupervisorOptions): {
  child: ChildProcess;
  ready: Promise<{ url: string; kubeconfig: string }>;
};
