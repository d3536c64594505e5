import type { Rng } from '../hash';
import { clfTime, isoTime, nginxErrorTime } from './log-format';
import { burst, peerIP, versionOf, type FamilyTable, type LogContext, type LogScript } from './log-script';

/**
 * Web servers and generic services: the official nginx image's entrypoint and error log
 * notices followed by access-log lines (mostly kube-probe and in-cluster clients), Apache
 * httpd, and a generic Go service logging logfmt.
 */
const PATHS = ['/', '/', '/', '/index.html', '/healthz', '/api/v1/items', '/api/v1/items/42', '/static/app.js', '/static/style.css', '/favicon.ico', '/login', '/metrics'];
const AGENTS = ['kube-probe/1.32', 'kube-probe/1.32', 'curl/8.5.0', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36', 'Go-http-client/1.1', 'python-requests/2.31.0'];
const BYTES: Record<string, number> = { '/': 615, '/index.html': 615, '/healthz': 2, '/favicon.ico': 153, '/metrics': 1873 };

function request(rng: Rng): { method: string; path: string; status: number; bytes: number; agent: string } {
  const agent = rng.pick(AGENTS);
  const path = agent.startsWith('kube-probe') ? '/' : rng.pick(PATHS);
  const method = path === '/login' && rng.next() < 0.5 ? 'POST' : 'GET';
  const roll = rng.next();
  // A stock web server serves its index and static files; application paths are mostly 404.
  const status = path.startsWith('/api') || ['/login', '/metrics', '/healthz'].includes(path) ? (roll < 0.85 ? 404 : 200) : roll < 0.96 ? 200 : 304;
  const bytes = status === 404 ? 153 : status === 304 ? 0 : (BYTES[path] ?? rng.int(300, 48_000));
  return { method, path, status, bytes, agent };
}

function nginx(ctx: LogContext): LogScript {
  const version = versionOf(ctx.container.image, '1.27.3');
  const notice = (text: string) => (at: Date) => `${nginxErrorTime(at)} [notice] 1#1: ${text}`;
  const workers = [29, 30, 31, 32];
  return {
    startup: [
      ...burst(40, [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ], 4),
      ...burst(120, [
        notice('using the "epoll" event method'),
        notice(`nginx/${version}`),
        notice('built by gcc 12.2.0 (Debian 12.2.0-14)'),
        notice('OS: Linux 4.19.283-1.ph3-esx'),
        notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
        notice('start worker processes'),
        ...workers.map((w) => notice(`start worker process ${w}`)),
      ], 1),
    ],
    steadyMs: 2500,
    steady: (_i, at, rng) => {
      const r = request(rng);
      const client = r.agent.startsWith('kube-probe') ? ctx.podIP.replace(/\.\d+$/, '.1') : peerIP(ctx.podIP, rng);
      return `${client} - - [${clfTime(at)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${r.bytes} "-" "${r.agent}" "-"`;
    },
    trailer: (code, at) => (code === 0 ? [`${nginxErrorTime(at)} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`] : [`${nginxErrorTime(at)} [emerg] 1#1: host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14`, `nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14`]),
  };
}

function httpd(ctx: LogContext): LogScript {
  const version = versionOf(ctx.container.image, '2.4.62');
  const stamp = (at: Date) => at.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5.000000 $4');
  return {
    startup: burst(150, [
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`,
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`,
      (at) => `[${stamp(at)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
      (at) => `[${stamp(at)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
    ]),
    steadyMs: 3000,
    steady: (_i, at, rng) => {
      const r = request(rng);
      return `${peerIP(ctx.podIP, rng)} - - [${clfTime(at)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${r.bytes}`;
    },
  };
}

const ROUTES = ['/api/v1/items', '/api/v1/items/{id}', '/api/v1/orders', '/healthz', '/readyz', '/metrics'];

function generic(ctx: LogContext): LogScript {
  const name = ctx.container.name;
  const version = versionOf(ctx.container.image, '1.0.0');
  const line = (level: string, msg: string, extra = '') => (at: Date) => `time="${isoTime(at)}" level=${level} msg="${msg}"${extra}`;
  return {
    startup: [
      { offsetMs: 60, text: line('info', `starting ${name}`, ` version=${version} commit=${ctx.podUid.slice(0, 7)}`) },
      { offsetMs: 75, text: line('info', 'loaded configuration', ' file=/etc/app/config.yaml') },
      { offsetMs: 240, text: line('info', 'connected to database', ' host=postgres port=5432 pool=10') },
      { offsetMs: 260, text: line('info', 'metrics server listening', ' addr=":9090"') },
      { offsetMs: 270, text: line('info', 'HTTP server listening', ' addr=":8080"') },
    ],
    steadyMs: 3500,
    steady: (_i, at, rng) => {
      const route = rng.pick(ROUTES);
      const status = rng.next() < 0.93 ? 200 : rng.pick([201, 400, 404, 500]);
      const level = status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info';
      const ms = (rng.int(8, 4000) / 10).toFixed(1);
      return line(level, 'request completed', ` method=${route.includes('orders') && rng.next() < 0.4 ? 'POST' : 'GET'} path=${route.replace('{id}', String(rng.int(1, 999)))} status=${status} duration=${ms}ms remote=${peerIP(ctx.podIP, rng)}`)(at);
    },
  };
}

export const webFamilies: FamilyTable = { nginx, httpd, generic };
