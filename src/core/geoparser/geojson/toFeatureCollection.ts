import type { Article } from '../article.ts';
import type { ArticleEvent } from '../events/types.ts';
import type { NewsmapCollection, NewsmapFeature } from './schema.ts';
import { round6 } from './round.ts';

/**
 * Turns an article's events into an RFC 7946 FeatureCollection of the newsmap schema:
 * `[lon, lat]`, 6 decimals, string ids stable across runs (article id and mention span).
 *
 * @example
 * toFeatureCollection(article, events).features[0].properties.quote // the mention's sentence
 */
export function toFeatureCollection(article: Article, events: readonly ArticleEvent[], sentenceOf: (start: number) => string): NewsmapCollection {
  const ids = new Set<string>();
  const features = [...events]
    .sort((a, b) => a.mention.start - b.mention.start || a.kind.localeCompare(b.kind))
    .map((e): NewsmapFeature => {
      let id = `${article.id}:${e.mention.start}-${e.mention.end}`;
      if (e.kind === 'pipeline') id += `:${e.status}`;
      if (e.extraBase) id += ':base';
      for (let n = 2; ids.has(id); n++) id = `${article.id}:${e.mention.start}-${e.mention.end}:${n}`;
      ids.add(id);
      const geometry: NewsmapFeature['geometry'] = e.line
        ? { type: 'LineString', coordinates: e.line.map(([x, y]) => [round6(x), round6(y)] as [number, number]) }
        : { type: 'Point', coordinates: [round6(e.place.lon), round6(e.place.lat)] };
      return {
        type: 'Feature',
        id,
        geometry,
        properties: {
          kind: e.kind,
          title: e.title,
          date: e.date?.date ?? null,
          date_precision: e.date?.precision ?? null,
          actor: e.actor,
          actors: e.actors,
          target: e.target,
          origin: e.origin ? [round6(e.origin[0]), round6(e.origin[1])] : null,
          place_id: e.place.id,
          place_name: e.place.name,
          country: e.place.country,
          geo_precision: e.place.precision,
          mention: e.mention.text,
          span: [e.mention.start, e.mention.end],
          quote: sentenceOf(e.mention.start),
          article_id: article.id,
          article_title: article.title,
          published: article.published,
          confidence: e.confidence,
          ...(e.kind === 'pipeline' ? { status: e.status!, length_km: e.lengthKm! } : {}),
          // ACLED's vocabulary on events only: bases, pipelines and places carry none (DESIGN §4).
          ...(e.kind === 'strike'
            ? { event_type: e.eventType?.event_type ?? null, sub_event_type: e.eventType?.sub_event_type ?? null, fatalities: e.fatalities ?? null }
            : {}),
        },
      };
    });
  return { type: 'FeatureCollection', features };
}
