import { spawn } from 'node:child_process';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  /** A context of the test kubeconfig: `admin` (default), `devops` or `developer`. */
  context?: string;
  /** Written to kubectl's stdin, e.g. a manifest for `apply -f -`. */
  input?: string;
}

/** The real kubectl, bound to one kubeconfig. */
export interface Kubectl {
  /** Runs kubectl; resolves whatever the exit code. */
  run(args: readonly string[], options?: KubectlOptions): Promise<KubectlResult>;
  /** Runs kubectl and returns stdout. @throws Error with stderr when kubectl fails. */
  ok(args: readonly string[], options?: KubectlOptions): Promise<string>;
  /** Runs kubectl with `-o json` added and parses the output. @throws like `ok`. */
  json<T = unknown>(args: readonly string[], options?: KubectlOptions): Promise<T>;
}

/** KUBECTL names the binary; the default is `kubectl` from PATH. */
export function createKubectl(kubeconfig: string, binary = process.env.KUBECTL || 'kubectl'): Kubectl {
  const run: Kubectl['run'] = (args, { context, input } = {}) =>
    new Promise((resolve, reject) => {
      const fullArgs = ['--kubeconfig', kubeconfig, ...(context ? ['--context', context] : []), ...args];
      const child = spawn(binary, fullArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (error) => reject(new Error(`cannot run ${binary}: ${error.message}`)));
      child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }));
      child.stdin.end(input ?? '');
    });

  const ok: Kubectl['ok'] = async (args, options) => {
    const result = await run(args, options);
    if (result.exitCode !== 0) {
      throw new Error(`kubectl ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
    }
    return result.stdout;
  };

  const json: Kubectl['json'] = async <T,>(args: readonly string[], options?: KubectlOptions) =>
    JSON.parse(await ok([...args, '-o', 'json'], options)) as T;

  return { run, ok, json };
}
