import { z } from 'zod';
import { DATE_PRECISIONS, EVENT_KINDS, GEO_PRECISIONS, type NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { round6 } from '../../geoparser/geojson/round.ts';
import { splitSentences } from '../../geoparser/text/sentences.ts';

/** A place an analyst chose: a gazetteer candidate or a point picked on the map. */
export const chosenPlaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  country: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: z.enum(GEO_PRECISIONS),
});
export type ChosenPlace = z.infer<typeof chosenPlaceSchema>;

const editSchema = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  date_precision: z.enum(DATE_PRECISIONS).nullable().optional(),
  actor: z.string().nullable().optional(),
  actors: z.array(z.string()).optional(),
  target: z.string().nullable().optional(),
}).strict();
export type FeatureEdit = z.infer<typeof editSchema>;

/**
 * One analyst correction. It records who made it, when, and the original values, so a
 * correction can be audited or undone and exports can flag `corrected: true`.
 */
export const correctionSchema = z.object({
  id: z.string().min(1),
  article_id: z.string().min(1),
  by: z.string().min(1),
  at: z.string().datetime(),
  change: z.discriminatedUnion('type', [
    z.object({ type: z.literal('place'), feature_id: z.string(), place: chosenPlaceSchema }),
    z.object({ type: z.literal('not-a-place'), feature_id: z.string() }),
    z.object({ type: z.literal('add-place'), span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]), place: chosenPlaceSchema }),
    z.object({ type: z.literal('edit'), feature_id: z.string(), fields: editSchema }),
  ]),
  /** The values the correction replaced (for `add-place`, empty). */
  original: z.record(z.string(), z.unknown()),
});
export type Correction = z.infer<typeof correctionSchema>;

/**
 * Applies corrections, in order, to an article's features. Pure: the input is not modified.
 * `text` is the article's text, needed to quote the sentence of an added place.
 *
 * @example
 * applyCorrections(features, [{ change: { type: 'not-a-place', feature_id: 'a:10-16' }, ... }], text)
 */
export function applyCorrections(features: readonly NewsmapFeature[], corrections: readonly Correction[], text?: string): NewsmapFeature[] {
  let out = features.map((f) => f);
  for (const c of corrections) {
    const ch = c.change;
    if (ch.type === 'add-place') {
      if (!text) continue;
      const [s, e] = ch.span;
      const mention = text.slice(s, e);
      if (!mention.trim()) continue;
      const base = features.find((f) => f.properties.article_id === c.article_id);
      const quote = splitSentences(text).find((x) => x.start <= s && s < x.end)?.text ?? mention;
      out = out.filter((f) => !(f.properties.article_id === c.article_id && f.properties.span[0] === s && f.properties.span[1] === e));
      out.push({
        type: 'Feature',
        id: `${c.article_id}:${s}-${e}`,
        geometry: { type: 'Point', coordinates: [round6(ch.place.lon), round6(ch.place.lat)] },
        properties: {
          kind: 'place', title: ch.place.name, date: null, date_precision: null, actor: null, actors: [], target: null, origin: null,
          place_id: ch.place.id, place_name: ch.place.name, country: ch.place.country, geo_precision: ch.place.precision,
          mention, span: [s, e], quote, article_id: c.article_id, article_title: base?.properties.article_title ?? '',
          published: base?.properties.published ?? '', confidence: 1, corrected: true,
        },
      });
      continue;
    }
    if (ch.type === 'not-a-place') {
      out = out.filter((f) => f.id !== ch.feature_id);
      continue;
    }
    out = out.map((f) => {
      if (f.id !== ch.feature_id) return f;
      if (ch.type === 'place') {
        return {
          ...f,
          geometry: f.geometry.type === 'Point' ? { type: 'Point', coordinates: [round6(ch.place.lon), round6(ch.place.lat)] } : f.geometry,
          properties: {
            ...f.properties, place_id: ch.place.id, place_name: ch.place.name, country: ch.place.country,
            geo_precision: ch.place.precision, confidence: 1, corrected: true,
            ...(f.properties.kind === 'place' ? { title: ch.place.name } : {}),
          },
        };
      }
      const fields = Object.fromEntries(Object.entries(ch.fields).filter(([, v]) => v !== undefined));
      const properties = { ...f.properties, ...fields, corrected: true };
      if (fields.actor !== undefined && fields.actors === undefined) {
        properties.actors = [...new Set([fields.actor, ...f.properties.actors.filter((a) => a !== f.properties.actor)].filter((a): a is string => Boolean(a)))];
      }
      return { ...f, properties };
    });
  }
  return out;
}

/** The original values a change replaces, for the audit record. */
export function originalValues(feature: NewsmapFeature | undefined, change: Correction['change']): Record<string, unknown> {
  if (!feature) return {};
  const p = feature.properties;
  if (change.type === 'place') return { place_id: p.place_id, place_name: p.place_name, country: p.country, geo_precision: p.geo_precision, coordinates: feature.geometry.coordinates };
  if (change.type === 'not-a-place') return { kind: p.kind, place_id: p.place_id, mention: p.mention, span: p.span };
  if (change.type === 'edit') return Object.fromEntries(Object.keys(change.fields).map((k) => [k, (p as Record<string, unknown>)[k]]));
  return {};
}
