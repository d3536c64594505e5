export interface E2eEnvironment {
  /** Where the console under test listens, e.g. http://127.0.0.1:3100. */
  consoleUrl: string;
  /** Where embedding specs run the demo host (an origin the console's frame-ancestors allow). */
  demoHostUrl: string;
  /** The e2e server's control endpoint (stop/start the supervisor); see e2e/supervisor-control.ts. */
  controlUrl: string;
  /** The supervisor's API server URL. */
  supervisorUrl: string;
  /** Absolute path of the supervisor's kubeconfig (contexts admin, devops, developer). */
  kubeconfig: string;
  /** The supervisor's temporary data directory, removed when the server stops. */
  dataDir: string;
  /** Process id of scripts/e2e-server.mjs. */
  pid: number;
}
export declare function e2eEnvFile(env?: Readonly<Record<string, string | undefined>>): string;
export declare function e2ePort(env?: Readonly<Record<string, string | undefined>>): number;
