import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * A facility that exists whatever the date: a base, or a pipeline whose status is "built".
 * These are the only undated features a date range keeps by default; an undated strike or
 * place mention is an event or a mention whose time the article did not say, and a date
 * range shows it only when the filter's `undated` toggle is on.
 */
export function isTimeless(p: Pick<NewsmapFeature['properties'], 'kind' | 'status'>): boolean {
  return p.kind === 'base' || (p.kind === 'pipeline' && p.status === 'built');
}
