/**
 * A synthetic corpus for the map benchmark: N events with a seeded PRNG, spread like real
 * conflict reporting — clustered around the region's cities (lon 30–70, lat 12–40), a tail of
 * scattered events, 2013–2024, a handful of actors with a skewed frequency.
 */
import type { EventKind, GeoPrecisionValue, NewsmapCollection, NewsmapFeature } from '../src/core/geoparser/geojson/schema.ts';
import { mulberry32 } from './prng.ts';

const CITIES: [string, string, number, number, number][] = [
  // name, country, lon, lat, weight
  ['Baghdad', 'IQ', 44.37, 33.31, 10], ['Damascus', 'SY', 36.29, 33.51, 10], ['Aleppo', 'SY', 37.16, 36.2, 6],
  ['Beirut', 'LB', 35.5, 33.89, 6], ['Gaza', 'PS', 34.45, 31.5, 12], ['Tel Aviv', 'IL', 34.78, 32.08, 5],
  ['Tehran', 'IR', 51.39, 35.69, 5], ['Isfahan', 'IR', 51.68, 32.65, 3], ['Erbil', 'IQ', 44.01, 36.19, 4],
  ['Mosul', 'IQ', 43.13, 36.34, 5], ['Sanaa', 'YE', 44.21, 15.35, 8], ['Aden', 'YE', 45.03, 12.8, 4],
  ['Hodeidah', 'YE', 42.95, 14.8, 4], ['Riyadh', 'SA', 46.72, 24.69, 2], ['Kabul', 'AF', 69.18, 34.52, 6],
  ['Kandahar', 'AF', 65.71, 31.61, 4], ['Quetta', 'PK', 66.99, 30.18, 3], ['Deir ez-Zor', 'SY', 40.14, 35.33, 5],
  ['Idlib', 'SY', 36.63, 35.93, 6], ['Benghazi', 'LY', 20.07, 32.12, 0], ['Amman', 'JO', 35.93, 31.95, 1],
  ['Zahedan', 'IR', 60.86, 29.5, 2], ['Ras Tanura', 'SA', 50.16, 26.64, 1], ['Suez', 'EG', 32.53, 29.97, 1],
];
const ACTORS = ['Israel', 'Iran', 'United States', 'Russia', 'Houthis', 'Hezbollah', 'Turkey', 'Pakistan', 'Saudi Arabia', 'ISIS'];
const ACTOR_WEIGHTS = [20, 15, 14, 12, 10, 8, 7, 5, 5, 4];

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

export function syntheticCorpus(n: number, seed = 42): NewsmapCollection {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const cities = CITIES.filter((c) => c[4] > 0);
  const cityWeights = cities.map((c) => c[4]);
  const start = Date.UTC(2013, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const features: NewsmapFeature[] = [];
  for (let i = 0; i < n; i++) {
    const scattered = rand() < 0.1;
    const city = pick(cities, cityWeights, rand());
    const lon = scattered ? 30 + rand() * 40 : Math.min(70, Math.max(30, city[2] + gauss() * 0.35));
    const lat = scattered ? 12 + rand() * 28 : Math.min(40, Math.max(12, city[3] + gauss() * 0.3));
    const kr = rand();
    const kind: EventKind = kr < 0.7 ? 'strike' : kr < 0.75 ? 'base' : 'place';
    const actor = pick(ACTORS, ACTOR_WEIGHTS, rand());
    const target = pick(ACTORS, ACTOR_WEIGHTS, rand());
    const actors = kind === 'place' ? [] : target === actor ? [actor] : [actor, target];
    const pr = rand();
    const precision: GeoPrecisionValue = pr < 0.4 ? 'city' : pr < 0.75 ? 'site' : pr < 0.95 ? 'region' : 'country';
    // Skew towards recent years, as news volume does.
    const date = kind === 'base' ? null : new Date(start + Math.pow(rand(), 0.6) * span).toISOString().slice(0, 10);
    const quote = `Synthetic report ${i}: ${kind} by ${actor} near ${city[0]}.`;
    features.push({
      type: 'Feature',
      id: `bench:${i}`,
      geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
      properties: {
        kind,
        title: `${kind === 'strike' ? `${actor} strike` : kind === 'base' ? `${actor} base` : city[0]} near ${city[0]}`,
        date,
        date_precision: date ? 'day' : null,
        actor: kind === 'place' ? null : actor,
        actors,
        target: kind === 'strike' && target !== actor ? target : null,
        origin: kind === 'strike' && rand() < 0.005 ? [Math.round((lon + 3 + rand() * 5) * 1e4) / 1e4, Math.round((lat + 1) * 1e4) / 1e4] : null,
        place_id: city[0].toLowerCase(),
        place_name: city[0],
        country: city[1],
        geo_precision: precision,
        mention: city[0],
        span: [quote.indexOf(city[0]), quote.indexOf(city[0]) + city[0].length],
        quote,
        article_id: `bench-article-${i % 5000}`,
        article_title: `Synthetic article ${i % 5000}`,
        published: date ?? '2024',
        confidence: 0.8,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
