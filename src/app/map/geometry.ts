import { along, distance, greatCircle, length, lineString, point } from '@turf/turf';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';

/** Where a feature's popup and highlight go: the point, or halfway along a line. */
export function anchorLatLng(f: NewsmapFeature): [number, number] {
  if (f.geometry.type === 'Point') {
    const [lon, lat] = f.geometry.coordinates;
    return [lat, lon];
  }
  const line = lineString(f.geometry.coordinates);
  const [lon, lat] = along(line, length(line) / 2).geometry.coordinates as [number, number];
  return [lat, lon];
}

export function pipelineLengthKm(f: NewsmapFeature): number {
  if (f.geometry.type !== 'LineString') return 0;
  return Math.round(length(lineString(f.geometry.coordinates), { units: 'kilometers' }) * 10) / 10;
}

/**
 * Vertex spacing of an arc. Over 75 km a great circle departs from a straight segment by less
 * than a pixel at the zooms arcs are looked at, and fewer vertices keep a filter change cheap
 * (Leaflet re-projects every vertex of a path it is given).
 */
export const ARC_STEP_KM = 75;

/**
 * The great-circle path from a strike's launch point to its target, as Leaflet lat/lngs: a
 * vertex every ARC_STEP_KM at most, 8 to 64 in all.
 *
 * @example
 * arcLatLngs([51.4, 35.7], [35.0, 31.2]); // Tehran → Nevatim, about 1,600 km: 23 vertices
 */
export function arcLatLngs(origin: [number, number], target: [number, number]): [number, number][] {
  if (origin[0] === target[0] && origin[1] === target[1]) return [];
  const npoints = Math.min(64, Math.max(8, Math.ceil(distance(point(origin), point(target), { units: 'kilometers' }) / ARC_STEP_KM) + 1));
  const arc = greatCircle(point(origin), point(target), { npoints });
  const geom = arc.geometry;
  // Arcs that cross the antimeridian come back as MultiLineStrings; not an issue in this region.
  const coords = geom.type === 'LineString' ? geom.coordinates : geom.coordinates.flat();
  return coords.map(([lon, lat]) => [lat!, lon!] as [number, number]);
}

/** [[south, west], [north, east]] of features, including strike origins so arcs fit too. */
export function featureBounds(features: readonly NewsmapFeature[]): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const add = (lon: number, lat: number) => {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  };
  for (const f of features) {
    if (f.geometry.type === 'Point') add(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    else for (const [lon, lat] of f.geometry.coordinates) add(lon, lat);
    const o = f.properties.origin;
    if (o) add(o[0], o[1]);
  }
  return Number.isFinite(w) ? [[s, w], [n, e]] : null;
}
