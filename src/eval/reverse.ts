/**
 * The country of a point, by its nearest populated place: enough to tell "wrong place, right
 * country" from "wrong country" for a gold toponym whose corpus gives no country (GeoVirus), or
 * a country name no list knows. Grid of 1° cells, searched ring by ring.
 *
 * @example
 * const countryAt = nearestCountry(loadBroadPlaces());
 * countryAt(48.85, 2.35) // "FR"
 */
import type { Place } from '../core/geoparser/gazetteer/place.ts';
import { haversineKm } from './score.ts';

/** Rings of 1° cells searched before giving up (about 2,000 km at the equator). */
const MAX_RING = 18;

export function nearestCountry(places: readonly Place[]): (lat: number, lon: number) => string | null {
  const grid = new Map<number, Place[]>();
  const cell = (la: number, lo: number) => (Math.floor(la) + 90) * 361 + (Math.floor(lo) + 180);
  // Cities only: a country's or division's point is a centroid, which can sit in a neighbour's
  // territory or in the sea.
  for (const p of places) {
    if (p.kind !== 'city') continue;
    const k = cell(p.lat, p.lon);
    const list = grid.get(k);
    if (list) list.push(p);
    else grid.set(k, [p]);
  }
  return (lat, lon) => {
    let country: string | null = null;
    let bestKm = Infinity;
    const la0 = Math.floor(lat);
    const lo0 = Math.floor(lon);
    for (let r = 0; r <= MAX_RING; r++) {
      for (let dl = -r; dl <= r; dl++) {
        for (let dm = -r; dm <= r; dm++) {
          if (Math.max(Math.abs(dl), Math.abs(dm)) !== r) continue;
          const la = la0 + dl;
          if (la < -90 || la > 89) continue;
          const lo = ((lo0 + dm + 180) % 360 + 360) % 360 - 180;
          for (const p of grid.get(cell(la, lo)) ?? []) {
            const d = haversineKm(lat, lon, p.lat, p.lon);
            if (d < bestKm) { bestKm = d; country = p.country; }
          }
        }
      }
      // A cell is at least ~(r × 111 km × cos lat) away; stop once the best is closer than the next ring.
      if (country !== null && bestKm < r * 111 * Math.cos((lat * Math.PI) / 180)) break;
    }
    return country;
  };
}
