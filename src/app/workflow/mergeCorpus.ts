import { applyCorrections, type Correction } from '../../core/engine/corrections/corrections.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { StoredArticle } from '../../core/engine/project/projectFile.ts';
import type { Article } from '../state/corpus.ts';
import type { Workspace } from '../storage/workspace.ts';

export interface MergedCorpus {
  features: NewsmapFeature[];
  articles: Map<string, Article>;
  /** Ids of the articles the analyst added (deletable). */
  addedIds: Set<string>;
}

/**
 * The corpus the dashboard shows: the seeds, plus the analyst's articles (a feature with the
 * same id replaces the seed's, so a re-imported export does not double), with every correction
 * applied per article. Pure.
 */
export function mergeCorpus(seedFeatures: readonly NewsmapFeature[], seedArticles: ReadonlyMap<string, Article>, ws: Workspace): MergedCorpus {
  // Nothing to merge: the seeds themselves (the same array, so their table can be reused).
  if (ws.articles.length === 0 && ws.corrections.length === 0) return { features: seedFeatures as NewsmapFeature[], articles: new Map(seedArticles), addedIds: new Set() };
  const byId = new Map<string, NewsmapFeature>(seedFeatures.map((f) => [f.id, f]));
  const articles = new Map(seedArticles);
  const addedIds = new Set<string>();
  for (const a of ws.articles) {
    for (const f of a.features) byId.set(f.id, f);
    addedIds.add(a.id);
    // An imported GeoJSON has no text: keep the seed's text when there is one.
    if (a.text !== '' || !articles.has(a.id)) articles.set(a.id, toArticle(a));
  }
  if (ws.corrections.length === 0) return { features: [...byId.values()], articles, addedIds };
  const byArticle = new Map<string, Correction[]>();
  for (const c of ws.corrections) byArticle.set(c.article_id, [...(byArticle.get(c.article_id) ?? []), c]);
  const untouched: NewsmapFeature[] = [];
  const grouped = new Map<string, NewsmapFeature[]>();
  for (const f of byId.values()) {
    const id = f.properties.article_id;
    if (byArticle.has(id)) grouped.set(id, [...(grouped.get(id) ?? []), f]);
    else untouched.push(f);
  }
  const corrected = [...byArticle].flatMap(([id, cs]) => applyCorrections(grouped.get(id) ?? [], cs, articles.get(id)?.text));
  return { features: [...untouched, ...corrected], articles, addedIds };
}

export function toArticle(a: StoredArticle): Article {
  return { id: a.id, title: a.title, published: a.published, source: a.source, text: a.text };
}
