import { z } from 'zod';

/**
 * The newsmap feature schema (../shared/DESIGN.md §4). It is a contract: checks outside
 * the repository read these properties, so change it only by adding optional members.
 */
import { DATE_PRECISIONS, EVENT_KINDS, GEO_PRECISIONS } from './vocabulary.ts';

export { DATE_PRECISIONS, EVENT_KINDS, GEO_PRECISIONS, type DatePrecision, type EventKind, type GeoPrecisionValue } from './vocabulary.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const published = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const position = z.tuple([z.number().finite(), z.number().finite()]);

export const featurePropertiesSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  date: isoDay.nullable(),
  date_precision: z.enum(DATE_PRECISIONS).nullable(),
  actor: z.string().nullable(),
  actors: z.array(z.string()),
  target: z.string().nullable(),
  origin: position.nullable(),
  place_id: z.string(),
  place_name: z.string(),
  country: z.string(),
  geo_precision: z.enum(GEO_PRECISIONS),
  mention: z.string(),
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  quote: z.string(),
  article_id: z.string(),
  article_title: z.string(),
  published: published,
  confidence: z.number().min(0).max(1),
  status: z.enum(['built', 'planned']).optional(),
  length_km: z.number().nonnegative().optional(),
  /** Set when an analyst changed the feature by hand. */
  corrected: z.boolean().optional(),
  /**
   * ACLED's event type and sub-event type ("Explosions/Remote violence" / "Air/drone strike"),
   * on events; null or absent on bases, pipelines and places. Free strings, so that imported
   * ACLED data with its other types still validates.
   */
  event_type: z.string().min(1).nullable().optional(),
  sub_event_type: z.string().min(1).nullable().optional(),
  /** Deaths the article reports for the event, when it gives a number. */
  fatalities: z.number().int().nonnegative().nullable().optional(),
}).passthrough();
export type FeatureProperties = z.infer<typeof featurePropertiesSchema>;

export const pointGeometrySchema = z.object({ type: z.literal('Point'), coordinates: position });
export const lineGeometrySchema = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });

export const newsmapFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.union([pointGeometrySchema, lineGeometrySchema]),
  properties: featurePropertiesSchema,
});

export interface NewsmapFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };
  properties: FeatureProperties;
}

export interface NewsmapCollection {
  type: 'FeatureCollection';
  features: NewsmapFeature[];
}
