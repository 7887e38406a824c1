/**
 * Web-Mercator in "world units": the whole world is the unit square, x east from the
 * antimeridian, y south from Leaflet's northern limit. A tile (x, y, z) is then the square
 * [x, x+1] × [y, y+1] scaled by 2^-z, so projecting once serves every zoom.
 */

/** Leaflet's L.Projection.SphericalMercator.MAX_LATITUDE: the square map's edge. */
export const MAX_LATITUDE = 85.0511287798;

export function worldX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitudes beyond the square are clamped, as Leaflet does (Antarctica reaches −90°). */
export function worldY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** A box in world units: [minX, minY, maxX, maxY]. */
export type WorldBox = readonly [number, number, number, number];

/** The world-unit box a tile covers, grown by `pad` world units on every side. */
export function tileBox(x: number, y: number, z: number, pad = 0): WorldBox {
  const size = 1 / 2 ** z;
  return [x * size - pad, y * size - pad, (x + 1) * size + pad, (y + 1) * size + pad];
}
