import { STORES, type StorageBackend, type StoreName } from './backend.ts';

/**
 * An in-memory backend for tests and for browsers without IndexedDB. `failWrites` makes every
 * write reject as a full disk would; `seed` plants raw (possibly corrupt) records.
 */
export class MemoryBackend implements StorageBackend {
  failWrites: string | null = null;
  readonly data = new Map<StoreName, Map<string, unknown>>(STORES.map((s) => [s, new Map()]));

  seed(store: StoreName, key: string, value: unknown): void {
    this.data.get(store)!.set(key, structuredClone(value));
  }

  async getAll(store: StoreName) {
    return [...this.data.get(store)!].map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  private check(): void {
    if (this.failWrites !== null) throw new DOMException(this.failWrites, 'QuotaExceededError');
  }

  async put(store: StoreName, key: string, value: unknown) {
    this.check();
    this.data.get(store)!.set(key, structuredClone(value));
  }

  async delete(store: StoreName, key: string) {
    this.check();
    this.data.get(store)!.delete(key);
  }

  async putMany(store: StoreName, entries: { key: string; value: unknown }[]) {
    this.check();
    for (const e of entries) this.data.get(store)!.set(e.key, structuredClone(e.value));
  }

  async replace(stores: Partial<Record<StoreName, { key: string; value: unknown }[]>>) {
    this.check();
    for (const [store, entries] of Object.entries(stores) as [StoreName, { key: string; value: unknown }[]][]) {
      this.data.set(store, new Map(entries.map((e) => [e.key, structuredClone(e.value)])));
    }
  }
}
