import type { Correction } from '../../core/engine/corrections/corrections.ts';
import type { GazetteerFile } from '../../core/geoparser/gazetteer/schema.ts';
import type { StoredArticle } from '../../core/engine/project/projectFile.ts';
import type { StorageBackend } from './backend.ts';
import { emptyWorkspace, loadWorkspace, message, persist, type Workspace } from './workspace.ts';

export interface WorkspaceSnapshot {
  ready: boolean;
  workspace: Workspace;
  /** One-line messages for the user: corrupt records moved aside, failed writes. */
  messages: string[];
}

/**
 * The workspace in memory, kept in step with storage. Every change is written first and only
 * then committed to memory, so a write that fails (quota, private mode) leaves the previous
 * state in place and adds a message instead.
 */
/**
 * How tabs tell each other that the stored workspace changed (a BroadcastChannel in the
 * browser). Every write is per record, so two tabs never overwrite each other's articles or
 * corrections; the single user-gazetteer record is last-writer-wins, and every tab reloads
 * with a notice when another one writes.
 */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export class WorkspaceController {
  private snap: WorkspaceSnapshot = { ready: false, workspace: emptyWorkspace(), messages: [] };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly backend: StorageBackend, private readonly channel?: TabChannel) {
    channel?.addEventListener('message', (event) => {
      if ((event.data as { type?: unknown } | null)?.type === 'workspace-changed') void this.reloadAfterOtherTab();
    });
  }

  /** Another tab wrote: show what is stored now, and say so. */
  private async reloadAfterOtherTab(): Promise<void> {
    const { workspace, notes } = await loadWorkspace(this.backend);
    this.set({ workspace, messages: [...this.snap.messages, ...notes, 'Another tab changed the workspace; this view now shows its changes.'] });
  }

  get snapshot(): WorkspaceSnapshot {
    return this.snap;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): WorkspaceSnapshot => this.snap;

  private set(next: Partial<WorkspaceSnapshot>): void {
    this.snap = { ...this.snap, ...next };
    for (const l of this.listeners) l();
  }

  say(msg: string): void {
    this.set({ messages: [...this.snap.messages, msg] });
  }

  dismissMessages(): void {
    this.set({ messages: [] });
  }

  async load(): Promise<void> {
    const { workspace, notes } = await loadWorkspace(this.backend);
    this.set({ ready: true, workspace, messages: [...this.snap.messages, ...notes] });
  }

  /** Writes, then commits `next`; on failure keeps the current workspace and says why. Returns success. */
  private async commit(what: string, write: () => Promise<void>, next: (ws: Workspace) => Workspace): Promise<boolean> {
    try {
      await write();
    } catch (e) {
      this.say(`Could not save ${what}: ${message(e)}. Nothing was changed.`);
      return false;
    }
    this.set({ workspace: next(this.snap.workspace) });
    this.channel?.postMessage({ type: 'workspace-changed' });
    return true;
  }

  addArticle(a: StoredArticle): Promise<boolean> {
    return this.commit(`"${a.title}"`, () => persist.putArticle(this.backend, a), (ws) => ({
      ...ws,
      articles: [...ws.articles.filter((x) => x.id !== a.id), a],
    }));
  }

  /** Adds or replaces several articles in one transaction (GeoJSON import): all or nothing. */
  addArticles(list: StoredArticle[]): Promise<boolean> {
    const ids = new Set(list.map((a) => a.id));
    const next = [...this.snap.workspace.articles.filter((a) => !ids.has(a.id)), ...list];
    return this.commit('the import', () => this.backend.putMany('articles', list.map((a) => ({ key: a.id, value: a }))), (ws) => ({ ...ws, articles: next }));
  }

  /** Deletes an article and its corrections; returns what is needed to undo, or null if the write failed. */
  async deleteArticle(id: string): Promise<{ article: StoredArticle; corrections: Correction[] } | null> {
    const article = this.snap.workspace.articles.find((a) => a.id === id);
    if (!article) return null;
    const corrections = this.snap.workspace.corrections.filter((c) => c.article_id === id);
    const ok = await this.commit(`the deletion of "${article.title}"`, () => persist.deleteArticle(this.backend, id, corrections), (ws) => ({
      ...ws,
      articles: ws.articles.filter((a) => a.id !== id),
      corrections: ws.corrections.filter((c) => c.article_id !== id),
    }));
    return ok ? { article, corrections } : null;
  }

  restoreArticle(article: StoredArticle, corrections: Correction[]): Promise<boolean> {
    return this.commit(`"${article.title}"`, () => persist.restoreArticle(this.backend, article, corrections), (ws) => ({
      ...ws,
      articles: [...ws.articles.filter((a) => a.id !== article.id), article].sort((a, b) => a.added.localeCompare(b.added)),
      corrections: [...ws.corrections.filter((c) => c.article_id !== article.id), ...corrections].sort((a, b) => a.at.localeCompare(b.at)),
    }));
  }

  addCorrection(c: Correction): Promise<boolean> {
    return this.commit('the correction', () => persist.putCorrection(this.backend, c), (ws) => ({ ...ws, corrections: [...ws.corrections, c] }));
  }

  /** Takes corrections back (their own undo) and adds others, e.g. one mention's correction widened to every mention of its name. */
  replaceCorrections(removeIds: readonly string[], add: readonly Correction[]): Promise<boolean> {
    const gone = new Set(removeIds);
    return this.commit(add.length ? 'the correction' : 'the undo', () => persist.replaceCorrections(this.backend, removeIds, add), (ws) => ({
      ...ws,
      corrections: [...ws.corrections.filter((c) => !gone.has(c.id) && !add.some((a) => a.id === c.id)), ...add].sort((a, b) => a.at.localeCompare(b.at)),
    }));
  }

  /** Stored articles re-geoparsed (their new features), in one transaction. */
  updateArticleFeatures(updates: ReadonlyMap<string, StoredArticle['features']>): Promise<boolean> {
    const list = this.snap.workspace.articles.filter((a) => updates.has(a.id)).map((a) => ({ ...a, features: updates.get(a.id)! }));
    if (!list.length) return Promise.resolve(true);
    return this.commit('the re-geoparsed articles', () => this.backend.putMany('articles', list.map((a) => ({ key: a.id, value: a }))), (ws) => ({
      ...ws,
      articles: ws.articles.map((a) => list.find((x) => x.id === a.id) ?? a),
    }));
  }

  setUserGazetteer(g: GazetteerFile): Promise<boolean> {
    return this.commit('the user gazetteer', () => persist.putUserGazetteer(this.backend, g), (ws) => ({ ...ws, userGazetteer: g }));
  }

  replaceAll(next: Workspace): Promise<boolean> {
    return this.commit('the imported project', () => persist.replaceAll(this.backend, next), () => next);
  }
}
