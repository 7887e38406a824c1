import { anchorOf, resolveCorrections, type Correction, type Removed, type Unattached } from '../../core/engine/corrections/corrections.ts';
import { mentionKey } from '../../core/engine/corrections/anchor.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { StoredArticle } from '../../core/engine/project/projectFile.ts';
import type { Article } from '../state/corpus.ts';
import type { Workspace } from '../storage/workspace.ts';

export interface MergedCorpus {
  features: NewsmapFeature[];
  articles: Map<string, Article>;
  /** Ids of the articles the analyst added (deletable). */
  addedIds: Set<string>;
  /** Corrections that found no mention to attach to (after a re-parse, a new corpus): shown, never dropped. */
  unattached: Unattached[];
  /** Mentions "Not a place" took off the map, by article id: the reader shows them struck. */
  removed: Map<string, Removed[]>;
  /** Which features each correction reached (correction id → feature ids). */
  attached: Map<string, string[]>;
  /** Old id-keyed corrections with the anchor read from the feature they reached, to save (useAnchorMigration). */
  migrated: Correction[];
}

/**
 * The corpus the dashboard shows: the seeds, plus the analyst's articles (a feature with the
 * same id replaces the seed's, so a re-imported export does not double), with every correction
 * re-attached to its mention and applied per article, in the order they were made. A correction
 * made for every mention of a name in the workspace reaches every article that names it. Pure.
 */
export function mergeCorpus(seedFeatures: readonly NewsmapFeature[], seedArticles: ReadonlyMap<string, Article>, ws: Workspace): MergedCorpus {
  // Nothing to merge: the seeds themselves (the same array, so their table can be reused).
  if (ws.articles.length === 0 && ws.corrections.length === 0) {
    return { features: seedFeatures as NewsmapFeature[], articles: new Map(seedArticles), addedIds: new Set(), unattached: [], removed: new Map(), attached: new Map(), migrated: [] };
  }
  const byId = new Map<string, NewsmapFeature>(seedFeatures.map((f) => [f.id, f]));
  const articles = new Map(seedArticles);
  const addedIds = new Set<string>();
  for (const a of ws.articles) {
    for (const f of a.features) byId.set(f.id, f);
    addedIds.add(a.id);
    // An imported GeoJSON has no text: keep the seed's text when there is one.
    if (a.text !== '' || !articles.has(a.id)) articles.set(a.id, toArticle(a));
  }
  if (ws.corrections.length === 0) return { features: [...byId.values()], articles, addedIds, unattached: [], removed: new Map(), attached: new Map(), migrated: [] };

  const unattached: Unattached[] = [];
  const byArticle = new Map<string, Correction[]>();
  const everywhere: Correction[] = [];
  for (const c of ws.corrections) {
    if (c.scope === 'workspace') everywhere.push(c);
    else byArticle.set(c.article_id, [...(byArticle.get(c.article_id) ?? []), c]);
  }
  // Names the workspace-wide corrections reach: an article naming one is corrected too.
  const names = new Set(everywhere.map((c) => mentionKey(anchorOf(c, articles.get(c.article_id)?.text)?.text ?? '')).filter(Boolean));
  const touched = new Set(byArticle.keys());
  if (names.size > 0) for (const f of byId.values()) if (names.has(mentionKey(f.properties.mention))) touched.add(f.properties.article_id);
  const untouched: NewsmapFeature[] = [];
  const grouped = new Map<string, NewsmapFeature[]>();
  for (const f of byId.values()) {
    const id = f.properties.article_id;
    if (!touched.has(id)) untouched.push(f);
    else {
      let list = grouped.get(id);
      if (!list) grouped.set(id, (list = []));
      list.push(f);
    }
  }
  for (const [id, cs] of byArticle) {
    if (!grouped.has(id) && !articles.has(id)) {
      for (const c of cs) unattached.push({ correction: c, reason: 'its article is not in the corpus' });
      byArticle.delete(id);
    } else if (!grouped.has(id)) grouped.set(id, []);
  }
  const removed = new Map<string, Removed[]>();
  const attached = new Map<string, string[]>();
  const corrected: NewsmapFeature[] = [];
  const migrated: Correction[] = [];
  for (const [id, features] of grouped) {
    // The article's own corrections and the workspace-wide ones, in the order they were made.
    const cs = everywhere.length ? [...(byArticle.get(id) ?? []), ...everywhere].sort((a, b) => a.at.localeCompare(b.at)) : byArticle.get(id)!;
    const r = resolveCorrections(features, cs, articles.get(id)?.text);
    corrected.push(...r.features);
    unattached.push(...r.unattached);
    if (r.removed.length) removed.set(id, r.removed);
    migrated.push(...r.migrated);
    for (const [cid, ids] of r.attached) attached.set(cid, [...(attached.get(cid) ?? []), ...ids]);
  }
  for (const c of everywhere) if (!attached.has(c.id)) unattached.push({ correction: c, reason: `no mention of “${anchorOf(c)?.text ?? ''}” is left in the workspace` });
  return { features: [...untouched, ...corrected], articles, addedIds, unattached, removed, attached, migrated };
}

export function toArticle(a: StoredArticle): Article {
  return { id: a.id, title: a.title, published: a.published, source: a.source, text: a.text };
}
