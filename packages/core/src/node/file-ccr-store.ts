import { randomBytes } from 'node:crypto';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { HeadroomError } from '../errors/headroom-error.js';
import { sha256Hex } from '../hash/sha256.js';
import { namespacedKey, type CcrEntry, type CcrPutOptions, type CcrStore } from '../ccr/store.js';
import { headroomHome } from './headroom-home.js';

/** Options for {@link FileCcrStore}. */
export interface FileCcrStoreOptions {
  /** Directory of the entry files. Default `<headroomHome()>/ccr`. */
  dir?: string;
  namespace?: string;
  /** Default one day: the CLI and MCP server retrieve across processes, long after the compress call. */
  ttlSeconds?: number;
  /** Upper bound on the bytes of all entry files; oldest-written files go first. Default 256 MB. */
  maxBytes?: number;
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** What one file holds. The bare key is kept so listing needs no second index. */
interface FileRecord {
  key: string;
  namespace: string;
  expiresAt: number;
  entry: CcrEntry;
}

const suffix = '.json';

/**
 * CCR store on the local disk, shared by every process of the user (the CLI's `headroom retrieve`, the
 * MCP server, SharedContext across agents). One file per entry, named by the hash of the namespaced key
 * so no key can escape the directory; written to a temporary file and renamed, so a reader in another
 * process sees the old entry or the new one, never half of one. Node only.
 */
export class FileCcrStore implements CcrStore {
  readonly dir: string;
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: FileCcrStoreOptions = {}) {
    this.dir = options.dir ?? join(headroomHome(), 'ccr');
    this.namespace = options.namespace ?? 'default';
    this.ttlSeconds = options.ttlSeconds ?? 24 * 60 * 60;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async put(key: string, entry: CcrEntry, options: CcrPutOptions = {}): Promise<void> {
    const ttl = options.ttlSeconds ?? this.ttlSeconds;
    const record: FileRecord = {
      key,
      namespace: this.namespace,
      expiresAt: this.now() + ttl * 1000,
      entry,
    };
    const body = JSON.stringify(record);
    const bytes = Buffer.byteLength(body);
    if (bytes > this.maxBytes) {
      throw new HeadroomError({
        code: 'store_error',
        message: `Entry of ${bytes} bytes exceeds the file store's cap of ${this.maxBytes}`,
      });
    }
    const path = this.pathOf(key);
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFile(temp, body, { mode: 0o600 });
      // The file's mtime is its expiry, so a sweep finds expired entries with a stat, without reading them.
      await utimes(temp, new Date(), new Date(record.expiresAt));
      await rename(temp, path);
    } catch (cause) {
      await unlink(temp).catch(() => undefined);
      throw new HeadroomError({
        code: 'store_error',
        message: `Could not write to the file store at ${this.dir}`,
        cause,
      });
    }
    const pinned = new Set([...(options.pinned ?? []), key].map((k) => this.fileOf(k)));
    if (!(await this.sweep(pinned))) {
      await unlink(path).catch(() => undefined);
      throw new HeadroomError({
        code: 'store_full',
        message: `The file store at ${this.dir} is full of entries this call still needs`,
      });
    }
  }

  async get(key: string): Promise<CcrEntry | undefined> {
    const path = this.pathOf(key);
    const record = await readRecord(path);
    if (!record || record.key !== key || record.namespace !== this.namespace) return undefined;
    if (record.expiresAt <= this.now()) {
      await unlink(path).catch(() => undefined);
      return undefined;
    }
    return record.entry;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(() => undefined);
  }

  /** Live keys of this namespace that start with `prefix`, sorted. */
  async keys(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    for (const file of await this.entryFiles()) {
      const record = await readRecord(join(this.dir, file.name));
      if (
        record &&
        record.namespace === this.namespace &&
        record.expiresAt > this.now() &&
        record.key.startsWith(prefix)
      )
        keys.push(record.key);
    }
    return keys.sort();
  }

  private fileOf(key: string): string {
    return sha256Hex(namespacedKey(this.namespace, key)).slice(0, 40) + suffix;
  }

  private pathOf(key: string): string {
    return join(this.dir, this.fileOf(key));
  }

  private async entryFiles(): Promise<{ name: string; size: number; mtimeMs: number }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const files = await Promise.all(
      names
        .filter((name) => name.endsWith(suffix))
        .map(async (name) => {
          const info = await stat(join(this.dir, name)).catch(() => undefined);
          return info ? { name, size: info.size, mtimeMs: info.mtimeMs } : undefined;
        }),
    );
    return files.filter((file) => file !== undefined);
  }

  /**
   * Deletes expired files and keeps the directory under its caps across all namespaces (the disk is
   * shared): the entries closest to expiry go first. Another process may be sweeping too; a file already
   * gone is fine. Runs on every put: one readdir and a stat per file, cheap next to a model call.
   * Never evicts a `pinned` file (the call in progress needs it); false when the caps cannot be met.
   */
  private async sweep(pinned: ReadonlySet<string>): Promise<boolean> {
    const files = (await this.entryFiles()).sort(
      (a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name),
    );
    let bytes = files.reduce((sum, file) => sum + file.size, 0);
    let count = files.length;
    const now = this.now();
    for (const file of files) {
      if (file.mtimeMs > now && bytes <= this.maxBytes && count <= this.maxEntries) break;
      if (pinned.has(file.name) && file.mtimeMs > now) continue;
      await unlink(join(this.dir, file.name)).catch(() => undefined);
      bytes -= file.size;
      count -= 1;
    }
    return bytes <= this.maxBytes && count <= this.maxEntries;
  }
}

async function readRecord(path: string): Promise<FileRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as FileRecord;
    return typeof record?.key === 'string' && typeof record.entry?.original === 'string'
      ? record
      : undefined;
  } catch {
    // Missing, or damaged by something other than this store: treat it as absent.
    return undefined;
  }
}
