import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../src/app/storage/memoryBackend.ts';
import { WorkspaceController } from '../../src/app/storage/controller.ts';
import { loadWorkspace } from '../../src/app/storage/workspace.ts';
import type { StoredArticle } from '../../src/core/engine/project/projectFile.ts';
import type { Correction } from '../../src/core/engine/corrections/corrections.ts';
import { buildFixture } from '../e2e/support/fixture.ts';

const { corpus, articles } = buildFixture();
function stored(id = 'a-damascus-2013'): StoredArticle {
  const a = articles.find((x) => x.id === id)!;
  return { ...a, added: '2026-01-01T00:00:00.000Z', features: corpus.features.filter((f) => f.properties.article_id === id) };
}
const correction: Correction = {
  id: 'c1', article_id: 'a-damascus-2013', by: 'analyst', at: '2026-01-02T00:00:00.000Z',
  change: { type: 'not-a-place', feature_id: 'x' }, original: {},
};

describe('workspace storage', () => {
  it('round-trips articles, corrections and the user gazetteer through the backend', async () => {
    const backend = new MemoryBackend();
    const c = new WorkspaceController(backend);
    await c.load();
    expect(c.snapshot.ready).toBe(true);
    expect(await c.addArticle(stored())).toBe(true);
    expect(await c.addCorrection(correction)).toBe(true);
    const again = new WorkspaceController(backend);
    await again.load();
    expect(again.snapshot.workspace.articles.map((a) => a.id)).toEqual(['a-damascus-2013']);
    expect(again.snapshot.workspace.articles[0]!.features).toEqual(stored().features);
    expect(again.snapshot.workspace.corrections).toEqual([correction]);
    expect(again.snapshot.messages).toEqual([]);
  });

  it('a failed write keeps the previous in-memory state and says so in one line', async () => {
    const backend = new MemoryBackend();
    const c = new WorkspaceController(backend);
    await c.load();
    await c.addArticle(stored());
    const before = c.snapshot.workspace;
    backend.failWrites = 'The quota has been exceeded';
    expect(await c.addArticle(stored('a-xss'))).toBe(false);
    expect(await c.deleteArticle('a-damascus-2013')).toBeNull();
    expect(await c.addCorrection(correction)).toBe(false);
    expect(c.snapshot.workspace).toBe(before);
    expect(c.snapshot.messages).toHaveLength(3);
    expect(c.snapshot.messages[0]).toMatch(/^Could not save .*quota has been exceeded/);
    expect(c.snapshot.messages.every((m) => !m.includes('\n'))).toBe(true);
    // Storage still holds the previous state too.
    expect([...backend.data.get('articles')!.keys()]).toEqual(['a-damascus-2013']);
  });

  it('moves a corrupt record to quarantine with a message and still loads the rest', async () => {
    const backend = new MemoryBackend();
    backend.seed('articles', 'good', stored());
    backend.seed('articles', 'bad', { ...stored('a-xss'), published: '2024-13-99x' });
    backend.seed('corrections', 'c-bad', { id: 'c-bad', by: 'analyst' });
    backend.seed('userGazetteer', 'layer', { version: 1, places: 'nope' });
    const { workspace, notes } = await loadWorkspace(backend);
    expect(workspace.articles.map((a) => a.id)).toEqual(['a-damascus-2013']);
    expect(workspace.corrections).toEqual([]);
    expect(workspace.userGazetteer.places).toEqual([]);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/articles record \(bad\) is corrupt \(published: .*moved aside/);
    expect(backend.data.get('articles')!.has('bad')).toBe(false);
    expect(backend.data.get('quarantine')!.size).toBe(3);
    const q = [...backend.data.get('quarantine')!.values()][0] as { store: string; key: string; value: unknown };
    expect(q.store).toBe('articles');
    expect(q.key).toBe('bad');
  });

  it('starts empty with a message when storage cannot be read at all', async () => {
    const backend = new MemoryBackend();
    backend.getAll = async () => {
      throw new Error('IndexedDB is disabled in private mode');
    };
    const { workspace, notes } = await loadWorkspace(backend);
    expect(workspace.articles).toEqual([]);
    expect(notes[0]).toMatch(/private mode.*seeds only/);
  });

  it('delete then restore brings back the article and its corrections', async () => {
    const backend = new MemoryBackend();
    const c = new WorkspaceController(backend);
    await c.load();
    await c.addArticle(stored());
    await c.addCorrection(correction);
    const undo = await c.deleteArticle('a-damascus-2013');
    expect(undo).not.toBeNull();
    expect(c.snapshot.workspace.articles).toEqual([]);
    expect(c.snapshot.workspace.corrections).toEqual([]);
    expect(backend.data.get('corrections')!.size).toBe(0);
    expect(await c.restoreArticle(undo!.article, undo!.corrections)).toBe(true);
    expect(c.snapshot.workspace.articles.map((a) => a.id)).toEqual(['a-damascus-2013']);
    expect(c.snapshot.workspace.corrections).toEqual([correction]);
    expect(backend.data.get('corrections')!.size).toBe(1);
  });

  it('replaces the whole workspace (project import) all or nothing', async () => {
    const backend = new MemoryBackend();
    const c = new WorkspaceController(backend);
    await c.load();
    await c.addArticle(stored());
    const next = { articles: [stored('a-xss')], corrections: [{ ...correction, article_id: 'a-xss' }], userGazetteer: { version: 1 as const, places: [], routes: [] } };
    backend.failWrites = 'disk full';
    expect(await c.replaceAll(next)).toBe(false);
    expect(c.snapshot.workspace.articles.map((a) => a.id)).toEqual(['a-damascus-2013']);
    expect([...backend.data.get('articles')!.keys()]).toEqual(['a-damascus-2013']);
    backend.failWrites = null;
    expect(await c.replaceAll(next)).toBe(true);
    const again = new WorkspaceController(backend);
    await again.load();
    expect(again.snapshot.workspace.articles.map((a) => a.id)).toEqual(['a-xss']);
    expect(again.snapshot.workspace.corrections).toHaveLength(1);
  });
});

/** Two tabs: one storage, a channel between them, as BroadcastChannel gives in the browser. */
function tabPair(backend: MemoryBackend) {
  type Listener = (event: { data: unknown }) => void;
  const listeners: [Listener[], Listener[]] = [[], []];
  const channel = (me: 0 | 1) => ({
    postMessage: (data: unknown) => { for (const l of listeners[me === 0 ? 1 : 0]) l({ data: structuredClone(data) }); },
    addEventListener: (_: 'message', l: Listener) => { listeners[me].push(l); },
  });
  return [new WorkspaceController(backend, channel(0)), new WorkspaceController(backend, channel(1))] as const;
}

describe('two tabs editing at once', () => {
  it('loses no write: each tab ends up with both articles, and is told the other tab changed things', async () => {
    const backend = new MemoryBackend();
    const [a, b] = tabPair(backend);
    await a.load();
    await b.load();
    const ids = articles.map((x) => x.id);
    await Promise.all([a.addArticle(stored(ids[0])), b.addArticle(stored(ids[1]))]);
    await Promise.all([a.addCorrection({ ...correction, id: 'ca' }), b.addCorrection({ ...correction, id: 'cb' })]);
    await new Promise((r) => setTimeout(r, 10));
    for (const tab of [a, b]) {
      expect(tab.snapshot.workspace.articles.map((x) => x.id).sort()).toEqual([ids[0], ids[1]].sort());
      expect(tab.snapshot.workspace.corrections.map((x) => x.id).sort()).toEqual(['ca', 'cb']);
      expect(tab.snapshot.messages.some((m) => /Another tab changed the workspace/.test(m))).toBe(true);
    }
    const fresh = new WorkspaceController(backend);
    await fresh.load();
    expect(fresh.snapshot.workspace.articles).toHaveLength(2);
  });

  it('an import in one tab keeps the article another tab added', async () => {
    const backend = new MemoryBackend();
    const [a, b] = tabPair(backend);
    await a.load();
    await b.load();
    const ids = articles.map((x) => x.id);
    await a.addArticle(stored(ids[0]));
    // Tab b imports before it has heard of tab a's article.
    await b.addArticles([stored(ids[1])]);
    const fresh = new WorkspaceController(backend);
    await fresh.load();
    expect(fresh.snapshot.workspace.articles.map((x) => x.id).sort()).toEqual([ids[0], ids[1]].sort());
  });
});
