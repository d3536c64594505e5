import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Durable storage of the supervisor's objects in SQLite.
 *
 * Contract: `put`/`remove` return only after the write is durable (WAL with synchronous=FULL:
 * the commit is fsynced), so a `kill -9` at any moment loses nothing that was acknowledged.
 * The highest resourceVersion ever issued is stored in the same transaction as the object, so
 * resourceVersions keep increasing across restarts even when the newest object was deleted.
 */
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
  private readonly putTx: (key: string, rv: number, data: string) => void;
  private readonly delTx: (key: string, rv: number) => void;

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
    this.putTx = this.db.transaction((key: string, rv: number, data: string) => {
      this.putStmt.run(key, rv, data);
      this.setRvStmt.run(String(rv));
    });
    this.delTx = this.db.transaction((key: string, rv: number) => {
      this.delStmt.run(key);
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
    this.putTx(key, rv, data);
  }

  remove(key: string, rv: number): void {
    this.delTx(key, rv);
  }

  /** Runs several writes as one durable transaction (used by bulk seeding). */
  batch(fn: () => void): void {
    this.db.transaction(fn)();
  }

  getMeta(k: string): string | undefined {
    const row = this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined;
    return row?.v;
  }

  setMeta(k: string, v: string): void {
    this.db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v').run(k, v);
  }

  close(): void {
    this.db.close();
  }
}
