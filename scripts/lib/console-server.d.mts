import type { ChildProcess } from 'node:child_process';

export declare function consoleServerArgs(root: string): string[];
export declare function startConsole(options: {
  root: string;
  host: string;
  port: number | string;
  env: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
}): ChildProcess;
export declare function waitForHttpOk(
  url: string,
  options?: { child?: ChildProcess; timeoutMs?: number; intervalMs?: number },
): Promise<void>;
