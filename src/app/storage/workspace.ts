import { correctionSchema, type Correction } from '../../core/engine/corrections/corrections.ts';
import { emptyUserGazetteer } from '../../core/engine/corrections/userGazetteer.ts';
import { gazetteerFileSchema, type GazetteerFile } from '../../core/geoparser/gazetteer/schema.ts';
import { storedArticleSchema, type StoredArticle } from '../../core/engine/project/projectFile.ts';
import type { StorageBackend, StoreName } from './backend.ts';

/** Everything the analyst made: added articles, corrections, the user gazetteer layer. */
export interface Workspace {
  articles: StoredArticle[];
  corrections: Correction[];
  userGazetteer: GazetteerFile;
}

export function emptyWorkspace(): Workspace {
  return { articles: [], corrections: [], userGazetteer: emptyUserGazetteer() };
}

const USER_GAZETTEER_KEY = 'layer';

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/**
 * Loads and validates the stored workspace. A record that fails its zod schema is moved to the
 * `quarantine` store with a note, never thrown: the app must start with the seeds whatever is
 * on disk. A backend that cannot even be read (private mode) gives an empty workspace and a note.
 */
export async function loadWorkspace(backend: StorageBackend): Promise<{ workspace: Workspace; notes: string[] }> {
  const notes: string[] = [];
  const ws = emptyWorkspace();
  const quarantine = async (store: StoreName, key: string, value: unknown, problem: string) => {
    notes.push(`A stored ${store} record (${key}) is corrupt (${problem}); it was moved aside and ignored.`);
    try {
      await backend.put('quarantine', `${store}/${key}/${Date.now()}`, { store, key, problem, value });
      await backend.delete(store, key);
    } catch (e) {
      notes.push(`Could not move the corrupt record aside: ${message(e)}`);
    }
  };
  try {
    for (const { key, value } of await backend.getAll('articles')) {
      const r = storedArticleSchema.safeParse(value);
      if (r.success) ws.articles.push(r.data as StoredArticle);
      else await quarantine('articles', key, value, firstIssue(r.error));
    }
    for (const { key, value } of await backend.getAll('corrections')) {
      const r = correctionSchema.safeParse(value);
      if (r.success) ws.corrections.push(r.data);
      else await quarantine('corrections', key, value, firstIssue(r.error));
    }
    for (const { key, value } of await backend.getAll('userGazetteer')) {
      const r = gazetteerFileSchema.safeParse(value);
      if (r.success && key === USER_GAZETTEER_KEY) ws.userGazetteer = r.data;
      else await quarantine('userGazetteer', key, value, r.success ? 'unexpected key' : firstIssue(r.error));
    }
  } catch (e) {
    notes.push(`Saved work could not be read (${message(e)}); starting with the seeds only.`);
    return { workspace: emptyWorkspace(), notes };
  }
  ws.articles.sort((a, b) => a.added.localeCompare(b.added));
  ws.corrections.sort((a, b) => a.at.localeCompare(b.at));
  return { workspace: ws, notes };
}

export function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/** Writes that mirror one workspace change. Each rejects if the backend refuses the write. */
export const persist = {
  putArticle: (b: StorageBackend, a: StoredArticle) => b.put('articles', a.id, a),
  async deleteArticle(b: StorageBackend, id: string, corrections: readonly Correction[]) {
    for (const c of corrections) await b.delete('corrections', c.id);
    await b.delete('articles', id);
  },
  async restoreArticle(b: StorageBackend, a: StoredArticle, corrections: readonly Correction[]) {
    await b.put('articles', a.id, a);
    for (const c of corrections) await b.put('corrections', c.id, c);
  },
  putCorrection: (b: StorageBackend, c: Correction) => b.put('corrections', c.id, c),
  async replaceCorrections(b: StorageBackend, removeIds: readonly string[], add: readonly Correction[]) {
    if (add.length) await b.putMany('corrections', add.map((c) => ({ key: c.id, value: c })));
    for (const id of removeIds) if (!add.some((c) => c.id === id)) await b.delete('corrections', id);
  },
  putUserGazetteer: (b: StorageBackend, g: GazetteerFile) => b.put('userGazetteer', USER_GAZETTEER_KEY, g),
  replaceAll: (b: StorageBackend, ws: Workspace) =>
    b.replace({
      articles: ws.articles.map((a) => ({ key: a.id, value: a })),
      corrections: ws.corrections.map((c) => ({ key: c.id, value: c })),
      userGazetteer: [{ key: USER_GAZETTEER_KEY, value: ws.userGazetteer }],
    }),
};
