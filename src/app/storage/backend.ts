/** The object stores the workspace keeps. `quarantine` holds records that failed validation. */
export const STORES = ['articles', 'corrections', 'userGazetteer', 'quarantine'] as const;
export type StoreName = (typeof STORES)[number];

/**
 * The few operations the workspace needs from a key-value store. IndexedDB (idb) in the
 * browser; an in-memory backend in tests, which can be told to fail writes.
 */
export interface StorageBackend {
  getAll(store: StoreName): Promise<{ key: string; value: unknown }[]>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  /** Puts several records in one transaction, keeping the others: all or nothing. */
  putMany(store: StoreName, entries: { key: string; value: unknown }[]): Promise<void>;
  /** Replaces the whole content of the given stores in one transaction: all or nothing. */
  replace(stores: Partial<Record<StoreName, { key: string; value: unknown }[]>>): Promise<void>;
}
