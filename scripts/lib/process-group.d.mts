import type { ChildProcess } from 'node:child_process';

export declare function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number;
export interface ProcessGroup {
  add(name: string, child: ChildProcess): void;
  stop(exitCode: number, signal?: NodeJS.Signals): void;
  readonly done: Promise<number>;
  handleSignals(): void;
  readonly stopping: boolean;
  readonly receivedSignal: NodeJS.Signals | null;
}
export declare function createProcessGroup(options?: {
  log?: (message: string) => void;
  killAfterMs?: number;
}): ProcessGroup;
