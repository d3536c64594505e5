import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Durable storage of the supervisor's objects in SQLite, with group commit.
 *
 * Contract: `put`/`remove` queue a write; every write queued in one turn of the event loop is
 * committed in one fsynced transaction (WAL with synchronous=FULL) on the next turn, and
 * `durable()` resolves once everything queued so far is on disk. The API acknowledges a write
 * only after `durable()`, so a `kill -9` at any moment loses nothing that was acknowledged, while
 * a burst of writes shares one fsync instead of paying one each. The highest resourceVersion ever
 * issued is stored in the same transaction, so resourceVersions keep increasing across restarts
 * even when the newest object was deleted.
 */
interface PendingWrite {
  key: string;
  rv: number;
  /** null deletes the row. */
  data: string | null;
}

export interface PersistedRow {
  key: string;
  rv: number;
  data: string;
}

export class Persistence {
  private readonly db: Database.Database;
  private readonly putStmt: Database.Statement<[string, number, string]>;
  private readonly delStmt: Database.Statement<[string]>;
  private readonly setRvStmt: Database.Statement<[string]>;
  private readonly commitTx: (writes: PendingWrite[]) => void;
  private pending: PendingWrite[] = [];
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private scheduled = false;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'objects.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = OFF');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, rv INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
    `);
    this.putStmt = this.db.prepare('INSERT INTO objects (key, rv, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET rv = excluded.rv, data = excluded.data');
    this.delStmt = this.db.prepare('DELETE FROM objects WHERE key = ?');
    this.setRvStmt = this.db.prepare("INSERT INTO meta (k, v) VALUES ('rv', ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v");
    this.commitTx = this.db.transaction((writes: PendingWrite[]) => {
      let rv = 0;
      for (const w of writes) {
        if (w.data === null) this.delStmt.run(w.key);
        else this.putStmt.run(w.key, w.rv, w.data);
        rv = Math.max(rv, w.rv);
      }
      this.setRvStmt.run(String(rv));
    });
  }

  lastResourceVersion(): number {
    const row = this.db.prepare("SELECT v FROM meta WHERE k = 'rv'").get() as { v: string } | undefined;
    return row ? Number(row.v) : 0;
  }

  *loadAll(): Generator<PersistedRow> {
    for (const row of this.db.prepare('SELECT key, rv, data FROM objects').iterate()) yield row as PersistedRow;
  }

  put(key: string, rv: number, data: string): void {
    this.enqueue({ key, rv, data });
  }

  remove(key: string, rv: number): void {
    this.enqueue({ key, rv, data: null });
  }

  private enqueue(w: PendingWrite): void {
    this.pending.push(w);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Commits everything queued in one transaction and releases everyone waiting on it. */
  flush(): void {
    this.scheduled = false;
    const writes = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    try {
      if (writes.length) this.commitTx(writes);
      for (const w of waiters) w.resolve();
    } catch (e) {
      process.stderr.write(`supervisor: storage commit failed: ${(e as Error).message}\n`);
      for (const w of waiters) w.reject(e as Error);
    }
  }

  /** Resolves once every write queued so far is committed to disk. */
  durable(): Promise<void> {
    if (this.pending.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  getMeta(k: string): string | undefined {
    const row = this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined;
    return row?.v;
  }

  setMeta(k: string, v: string): void {
    this.db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v').run(k, v);
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
