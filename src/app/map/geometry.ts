import { along, greatCircle, length, lineString, point } from '@turf/turf';
import type { NewsmapFeature } from '../../core/geojson/schema.ts';

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

/** The great-circle path from a strike's launch point to its target, as Leaflet lat/lngs. */
export function arcLatLngs(origin: [number, number], target: [number, number]): [number, number][] {
  if (origin[0] === target[0] && origin[1] === target[1]) return [];
  const arc = greatCircle(point(origin), point(target), { npoints: 48 });
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
