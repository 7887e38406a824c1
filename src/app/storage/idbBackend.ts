import { openDB, type IDBPDatabase } from 'idb';
import { STORES, type StorageBackend, type StoreName } from './backend.ts';

const DB_NAME = 'newsmap';
const DB_VERSION = 1;

/** The browser backend: one IndexedDB database, one object store per StoreName, keys out of line. */
export function idbBackend(name = DB_NAME): StorageBackend {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(name, DB_VERSION, {
      upgrade(d) {
        for (const s of STORES) if (!d.objectStoreNames.contains(s)) d.createObjectStore(s);
      },
    }));
  return {
    async getAll(store: StoreName) {
      const d = await open();
      const tx = d.transaction(store, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.map((k, i) => ({ key: String(k), value: values[i] as unknown }));
    },
    async put(store, key, value) {
      await (await open()).put(store, value, key);
    },
    async delete(store, key) {
      await (await open()).delete(store, key);
    },
    async putMany(store, entries) {
      const tx = (await open()).transaction(store, 'readwrite');
      await Promise.all([...entries.map((e) => tx.store.put(e.value, e.key)), tx.done]);
    },
    async replace(stores) {
      const names = Object.keys(stores) as StoreName[];
      const tx = (await open()).transaction(names, 'readwrite');
      const writes: Promise<unknown>[] = [];
      for (const name of names) {
        const s = tx.objectStore(name);
        writes.push(s.clear());
        for (const e of stores[name]!) writes.push(s.put(e.value, e.key));
      }
      // A failed request aborts the whole transaction: nothing is half-written.
      await Promise.all([...writes, tx.done]);
    },
  };
}
