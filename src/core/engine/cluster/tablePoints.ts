import type { FeatureTable } from '../filter/featureTable.ts';
import { EVENT_KINDS } from '../../geoparser/geojson/schema.ts';
import { NO_LAYER, type ClusterSource } from './gridClusters.ts';

/**
 * The map's point layers, bottom to top: other places, bases, strikes. Each clusters on its
 * own, so a cluster's count means "12 strikes", not "10 mentions of a country and 2 strikes".
 */
export const POINT_LAYERS = ['place', 'base', 'strike'] as const;
export type PointLayerName = (typeof POINT_LAYERS)[number];

const STRIKE = EVENT_KINDS.indexOf('strike');
const BASE = EVENT_KINDS.indexOf('base');

/**
 * The table's rows as cluster input: anchor columns shared, a layer per row (lines, drawn as
 * polylines, get NO_LAYER).
 *
 * @example
 * const index = buildClusterIndex(pointsOfTable(table), POINT_LAYERS.length);
 */
export function pointsOfTable(table: FeatureTable): ClusterSource {
  const layer = new Uint8Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const kind = table.kind[i];
    layer[i] = table.line[i] === 1 ? NO_LAYER : kind === STRIKE ? 2 : kind === BASE ? 1 : 0;
  }
  return { lon: table.lon, lat: table.lat, layer };
}
