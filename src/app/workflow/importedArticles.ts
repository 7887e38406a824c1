import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { StoredArticle } from '../../core/engine/project/projectFile.ts';

const PUBLISHED = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Groups imported features into stored articles by `article_id`, merging into the articles the
 * workspace already has (a feature with the same id replaces the old one). Imported articles
 * have no text; the reader then shows their features without highlights.
 */
export function importedArticles(features: readonly NewsmapFeature[], existing: readonly StoredArticle[], now = new Date()): StoredArticle[] {
  const groups = new Map<string, NewsmapFeature[]>();
  for (const f of features) {
    const group = groups.get(f.properties.article_id);
    if (group) group.push(f);
    else groups.set(f.properties.article_id, [f]);
  }
  return [...groups].map(([id, fs]) => {
    const old = existing.find((a) => a.id === id);
    const byId = new Map((old?.features ?? []).map((f) => [f.id, f]));
    for (const f of fs) byId.set(f.id, f);
    const p = fs[0]!.properties;
    return {
      id,
      title: old?.title ?? p.article_title,
      published: old?.published ?? (PUBLISHED.test(p.published) ? p.published : String(now.getUTCFullYear())),
      source: old?.source ?? null,
      text: old?.text ?? '',
      added: old?.added ?? now.toISOString(),
      features: [...byId.values()],
    };
  });
}
