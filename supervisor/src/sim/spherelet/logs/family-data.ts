import type { Rng } from '../hash';
import { commaTime, isoTime, postgresTime, redisTime } from './log-format';
import { burst, peerIP, versionOf, type FamilyTable, type LogContext, type LogScript } from './log-script';

/**
 * Data services: PostgreSQL (plain, or wrapped in CloudNativePG's JSON log records), Redis,
 * Cassandra (cass-management-api) and MinIO, each with its real startup sequence and the
 * periodic lines it prints while serving (checkpoints and connections, RDB saves, compactions
 * and flushes, health scans).
 */
function postgresMessages(version: string, started: Date): { startup: string[]; steady: (rng: Rng, peer: string) => string } {
  const shutdown = postgresTime(new Date(started.getTime() - 26 * 3600_000 - 17_411)).slice(0, 19);
  const startup = [
    `[1] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    '[1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
    '[1] LOG:  listening on IPv6 address "::", port 5432',
    '[1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
    `[63] LOG:  database system was shut down at ${shutdown} UTC`,
    '[1] LOG:  database system is ready to accept connections',
  ];
  const steady = (rng: Rng, peer: string): string => {
    const pid = rng.int(120, 9800);
    const roll = rng.next();
    if (roll < 0.2) return `[${rng.int(60, 70)}] LOG:  checkpoint starting: time`;
    if (roll < 0.4) {
      const buffers = rng.int(1, 420);
      const lsn = rng.int(0x1a00000, 0x9ffffff).toString(16).toUpperCase();
      return `[${rng.int(60, 70)}] LOG:  checkpoint complete: wrote ${buffers} buffers (${(buffers / 163.84).toFixed(1)}%); 0 WAL file(s) added, 0 removed, ${rng.int(0, 2)} recycled; write=${(rng.int(2, 300) / 10).toFixed(3)} s, sync=0.00${rng.int(1, 9)} s, total=${(rng.int(3, 310) / 10).toFixed(3)} s; sync files=${rng.int(1, 40)}, longest=0.00${rng.int(1, 4)} s, average=0.001 s; distance=${rng.int(5, 9000)} kB, estimate=${rng.int(5, 9000)} kB; lsn=0/${lsn}, redo lsn=0/${lsn.slice(0, -2)}28`;
    }
    if (roll < 0.6) return `[${pid}] LOG:  connection received: host=${peer} port=${rng.int(32768, 60999)}`;
    if (roll < 0.8) return `[${pid}] LOG:  connection authorized: user=app database=app application_name=${rng.pick(['psql', 'pgbench', 'app', 'PostgreSQL JDBC Driver'])}`;
    if (roll < 0.95) return `[${pid}] LOG:  disconnection: session time: 0:00:0${rng.int(0, 9)}.${rng.int(100, 999)} user=app database=app host=${peer} port=${rng.int(32768, 60999)}`;
    return `[${pid}] LOG:  automatic vacuum of table "app.public.${rng.pick(['orders', 'items', 'sessions'])}": index scans: 0`;
  };
  return { startup, steady };
}

function postgres(ctx: LogContext): LogScript {
  const cnpg = /cloudnative-pg|cnpg/.test(ctx.container.image);
  const version = versionOf(ctx.container.image, '16.6');
  const m = postgresMessages(version, new Date(ctx.startedAt));
  const render = (message: string, at: Date): string => {
    if (!cnpg) return `${postgresTime(at)} ${message}`;
    const [, pid, severity, text] = /^\[(\d+)\] (\w+):\s+(.*)$/.exec(message) ?? ['', '1', 'LOG', message];
    return JSON.stringify({ level: 'info', ts: isoTime(at), logger: 'postgres', msg: 'record', logging_pod: ctx.podName, record: { log_time: postgresTime(at), process_id: pid, error_severity: severity, message: text } });
  };
  const prelude = cnpg ? [] : burst(20, ['', 'PostgreSQL Database directory appears to contain a database; Skipping initialization', '']);
  return {
    startup: [...prelude, ...m.startup.map((text, i) => ({ offsetMs: 400 + i * 4, text: (at: Date) => render(text, at) }))],
    steadyMs: 4500,
    steady: (_i, at, rng) => render(m.steady(rng, peerIP(ctx.podIP, rng)), at),
    trailer: (code, at) => (code === 0 ? [render('[1] LOG:  received fast shutdown request', at), render('[1] LOG:  database system is shut down', at)] : [render('[1] FATAL:  could not open file "global/pg_filenode.map": Permission denied', at)]),
  };
}

function redis(ctx: LogContext): LogScript {
  const version = versionOf(ctx.container.image, '7.4.2');
  const at1 = (role: string, sym: string, text: string) => (at: Date) => `1:${role} ${redisTime(at)} ${sym} ${text}`;
  return {
    startup: burst(30, [
      at1('C', '#', 'WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.'),
      at1('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      at1('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
      at1('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
      at1('M', '*', 'monotonic clock: POSIX clock_gettime'),
      at1('M', '*', 'Running mode=standalone, port=6379.'),
      at1('M', '*', 'Server initialized'),
      at1('M', '*', 'Ready to accept connections tcp'),
    ], 2),
    steadyMs: 5000,
    steady: (i, at, rng) => {
      const child = 20 + Math.floor(i / 4);
      switch (i % 4) {
        case 0:
          return `1:M ${redisTime(at)} * ${rng.pick([1, 10, 100])} changes in ${rng.pick([60, 300, 3600])} seconds. Saving...`;
        case 1:
          return `1:M ${redisTime(at)} * Background saving started by pid ${child}`;
        case 2:
          return `${child}:C ${redisTime(at)} * DB saved on disk`;
        default:
          return `1:M ${redisTime(at)} * Background saving terminated with success`;
      }
    },
  };
}

function cassandra(ctx: LogContext): LogScript {
  const version = versionOf(ctx.container.image, '4.1.7');
  const log = (thread: string, source: string, text: string) => (at: Date) => `INFO  [${thread}] ${commaTime(at)} ${source} - ${text}`;
  const dc = ctx.labels['cassandra.datastax.com/datacenter'] ?? 'dc1';
  return {
    startup: [
      { offsetMs: 900, text: log('main', 'YamlConfigurationLoader.java:104', 'Configuration location: file:/etc/cassandra/cassandra.yaml') },
      { offsetMs: 1400, text: log('main', 'CassandraDaemon.java:628', 'JVM vendor/version: OpenJDK 64-Bit Server VM/11.0.25') },
      { offsetMs: 1402, text: log('main', 'CassandraDaemon.java:632', 'Heap size: 1.953GiB/1.953GiB') },
      { offsetMs: 4200, text: log('main', 'StorageService.java:773', `Cassandra version: ${version}`) },
      { offsetMs: 4201, text: log('main', 'StorageService.java:775', 'CQL version: 3.4.6') },
      { offsetMs: 4202, text: log('main', 'StorageService.java:776', 'Native protocol supported versions: 3/v3, 4/v4, 5/v5, 6/v6-beta (default: 5/v5)') },
      { offsetMs: 6100, text: log('main', 'Gossiper.java:2177', 'Waiting for gossip to settle...') },
      { offsetMs: 14_200, text: log('main', 'StorageService.java:1873', `JOINING: Finish joining ring (datacenter ${dc})`) },
      { offsetMs: 14_600, text: log('main', 'PipelineConfigurator.java:129', `Starting listening for CQL clients on /${ctx.podIP}:9042 (unencrypted)...`) },
      { offsetMs: 14_650, text: log('main', 'CassandraDaemon.java:782', 'Startup complete') },
    ],
    steadyMs: 4000,
    steady: (_i, at, rng) => {
      const roll = rng.next();
      if (roll < 0.35) {
        const table = rng.pick(['system.local', 'system.peers_v2', 'system_auth.roles', 'app.events', 'app.users']);
        return `INFO  [MemtableFlushWriter:${rng.int(1, 4)}] ${commaTime(at)} Flushing.java:153 - Writing Memtable-${table.split('.')[1]}@${rng.int(100000000, 999999999)}(${(rng.int(1, 9000) / 10).toFixed(3)}KiB serialized bytes, ${rng.int(1, 400)} ops, 0%/0% of on/off-heap limit), flushed range = [null, null)`;
      }
      if (roll < 0.7) {
        const before = rng.int(100, 9000) / 100;
        return `INFO  [CompactionExecutor:${rng.int(1, 8)}] ${commaTime(at)} CompactionTask.java:253 - Compacted (${rng.hex(8)}-${rng.hex(4)}-11ef-${rng.hex(4)}-${rng.hex(12)}) ${rng.int(2, 6)} sstables to [/var/lib/cassandra/data/app/events-${rng.hex(32)}/nb-${rng.int(10, 900)}-big,] to level=0.  ${before.toFixed(3)}MiB to ${(before * 0.91).toFixed(3)}MiB (~91% of original) in ${rng.int(40, 900)}ms.`;
      }
      if (roll < 0.85) return `INFO  [GossipStage:1] ${commaTime(at)} Gossiper.java:1404 - InetAddress /${peerIP(ctx.podIP, rng)}:7000 is now UP`;
      return `INFO  [ScheduledTasks:1] ${commaTime(at)} NoSpamLogger.java:105 - Some operations were slow, details available at debug level (debug.log)`;
    },
  };
}

function minio(ctx: LogContext): LogScript {
  const release = 'RELEASE.2025-01-20T14-49-07Z';
  return {
    startup: burst(700, [
      `MinIO Object Storage Server`,
      `Copyright: 2015-2025 MinIO, Inc.`,
      `License: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html`,
      `Version: ${release} (go1.23.4 linux/amd64)`,
      ``,
      `API: http://${ctx.podIP}:9000  http://127.0.0.1:9000`,
      `WebUI: http://${ctx.podIP}:9090 http://127.0.0.1:9090`,
      ``,
      `Docs: https://docs.min.io`,
    ], 1),
    steadyMs: 5000,
    steady: (_i, at, rng) => {
      const api = rng.pick(['s3.GetObject', 's3.PutObject', 's3.ListObjectsV2', 's3.HeadObject', 's3.ListBuckets']);
      return JSON.stringify({ version: '1', deploymentid: ctx.podUid, time: isoTime(at), api: { name: api, bucket: rng.pick(['backups', 'models', 'datasets']), statusCode: rng.next() < 0.95 ? 200 : 404, timeToResponse: `${rng.int(300, 90000)}µs` }, remotehost: peerIP(ctx.podIP, rng) });
    },
  };
}

export const dataFamilies: FamilyTable = { postgres, redis, cassandra, minio };
