/**
 * Great-circle distance in km (haversine, mean Earth radius as turf uses). The geoparser asks for
 * it for every candidate of every name, so it takes plain points and builds no GeoJSON.
 *
 * @example
 * distanceKm({ lat: 36.19, lon: 44.01 }, { lat: 33.31, lon: 44.37 }) // ≈ 322 (Erbil–Baghdad)
 */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  // min(1, …): rounding can push h a hair above 1 for antipodes, and asin would return NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const EARTH_RADIUS_KM = 6371.0088;
