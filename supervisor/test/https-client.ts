import https from 'node:https';

/**
 * A minimal HTTPS JSON client for the supervisor's REST API (bearer token, the cluster CA,
 * keep-alive connections), for tests that need raw status codes or many requests in flight
 * without client-library overhead, e.g. the crash-durability burst.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export class RestClient {
  private readonly agent: https.Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly ca: string,
    maxSockets = 8,
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets, ca });
  }

  /** Resolves with any HTTP status; rejects only on transport errors (refused, reset, ...). */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          ca: this.ca,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json',
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('error', reject);
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
            } catch (e) {
              reject(new Error(`unparsable ${res.statusCode} response to ${method} ${path}: ${(e as Error).message}: ${text.slice(0, 200)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
