import { featurePropertiesSchema, type NewsmapFeature, type FeatureProperties } from '../../geoparser/geojson/schema.ts';
import { round6 } from '../../geoparser/geojson/round.ts';

/** An import that cannot be used; the message names the file and the first problem. Nothing is kept. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportResult {
  features: NewsmapFeature[];
  /** `newsmap`: our own export, kept exactly; `foreign`: generic points turned into events. */
  source: 'newsmap' | 'foreign';
}

/** Points the import accepts from a foreign file, and newsmap's own pipeline lines. */
type Position = [number, number];

/**
 * Imports GeoJSON text. A newsmap export comes back exactly (same ids, same properties). A
 * foreign FeatureCollection of points comes in as generic `place` events whose properties are
 * kept as text. Anything else is refused as a whole with a one-line message naming the first
 * problem: not JSON, not a FeatureCollection, a `crs` member, swapped or non-finite coordinates.
 *
 * @example
 * importGeoJson(await file.text(), file.name).features.length
 */
export function importGeoJson(text: string, fileName: string, onProgress?: (fraction: number) => void): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${fileName}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (!isObject(doc)) throw new ImportError(`${fileName}: expected a GeoJSON FeatureCollection, got ${describe(doc)}`);
  if (doc.type === 'Feature') throw new ImportError(`${fileName}: is a single Feature; expected a FeatureCollection (wrap it in {"type": "FeatureCollection", "features": [...]})`);
  if (doc.type !== 'FeatureCollection') throw new ImportError(`${fileName}: type is ${JSON.stringify(doc.type)}; expected "FeatureCollection"`);
  if ('crs' in doc) throw new ImportError(`${fileName}: has a "crs" member; RFC 7946 GeoJSON is always WGS 84 longitude/latitude, so reproject it and drop "crs"`);
  if (!Array.isArray(doc.features)) throw new ImportError(`${fileName}: "features" is not an array`);

  const raw = doc.features as unknown[];
  const ours = raw.length > 0 && raw.every((f) => isObject(f) && featurePropertiesSchema.safeParse(f.properties).success);
  const features: NewsmapFeature[] = [];
  const ids = new Set<string>();
  raw.forEach((f, i) => {
    const where = `${fileName}: features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') throw new ImportError(`${where}: not a Feature`);
    const geometry = checkGeometry(f.geometry, where, ours);
    const feature = ours ? ownFeature(f, geometry, i, fileName) : foreignFeature(f, geometry, i, fileName);
    if (ids.has(feature.id)) throw new ImportError(`${where}: duplicate id ${JSON.stringify(feature.id)}`);
    ids.add(feature.id);
    features.push(feature);
    if (onProgress && i % 5000 === 4999) onProgress((i + 1) / raw.length);
  });
  onProgress?.(1);
  return { features, source: ours ? 'newsmap' : 'foreign' };
}

function checkGeometry(g: unknown, where: string, allowLines: boolean): NewsmapFeature['geometry'] {
  if (!isObject(g)) throw new ImportError(`${where}.geometry: missing; newsmap maps points`);
  if (g.type === 'Point') return { type: 'Point', coordinates: checkPosition(g.coordinates, `${where}.geometry.coordinates`) };
  if (g.type === 'LineString' && allowLines && Array.isArray(g.coordinates) && g.coordinates.length >= 2) {
    return { type: 'LineString', coordinates: g.coordinates.map((p, k) => checkPosition(p, `${where}.geometry.coordinates[${k}]`)) };
  }
  throw new ImportError(`${where}.geometry: type ${JSON.stringify(g.type)} is not supported; import points`);
}

function checkPosition(p: unknown, where: string): Position {
  if (!Array.isArray(p) || p.length < 2) throw new ImportError(`${where}: expected [longitude, latitude]`);
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new ImportError(`${where}: ${JSON.stringify(p)} is not a pair of finite numbers`);
  }
  if (Math.abs(y) > 90 && Math.abs(x) <= 90) throw new ImportError(`${where}: [${x}, ${y}] looks swapped: GeoJSON is [longitude, latitude], and latitude ${y} is out of range`);
  if (Math.abs(x) > 180 || Math.abs(y) > 90) throw new ImportError(`${where}: [${x}, ${y}] is outside longitude ±180 / latitude ±90`);
  return [round6(x), round6(y)];
}

function ownFeature(f: Record<string, unknown>, geometry: NewsmapFeature['geometry'], i: number, fileName: string): NewsmapFeature {
  if (typeof f.id !== 'string') throw new ImportError(`${fileName}: features[${i}].id: a newsmap feature has a string id`);
  const properties = featurePropertiesSchema.parse(f.properties) as FeatureProperties;
  return { type: 'Feature', id: f.id, geometry, properties };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A foreign point as a generic event: its properties are read as text, never as markup. */
function foreignFeature(f: Record<string, unknown>, geometry: NewsmapFeature['geometry'], i: number, fileName: string): NewsmapFeature {
  const p = isObject(f.properties) ? f.properties : {};
  const text = (...keys: string[]) => {
    for (const k of keys) {
      const v = p[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (typeof v === 'number') return String(v);
    }
    return null;
  };
  const date = text('date', 'event_date', 'time', 'timestamp')?.slice(0, 10) ?? null;
  const actor = text('actor', 'actor1', 'initiator');
  const title = text('title', 'name', 'label', 'description') ?? `Imported point ${i + 1}`;
  const [lon, lat] = geometry.coordinates as Position;
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? `import:${fileName}:${f.id}` : `import:${fileName}:${i}`;
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      kind: 'place', title, date: date && DAY.test(date) ? date : null, date_precision: date && DAY.test(date) ? 'day' : null,
      actor, actors: actor ? [actor] : [], target: text('target', 'actor2'), origin: null,
      place_id: `import:${lon},${lat}`, place_name: text('place', 'location', 'name') ?? title, country: text('country', 'iso2', 'iso') ?? '',
      geo_precision: 'site', mention: title, span: [0, 0], quote: text('quote', 'notes', 'description', 'source') ?? '',
      article_id: `import:${fileName}`, article_title: fileName, published: date && DAY.test(date) ? date : new Date().toISOString().slice(0, 4),
      confidence: 1,
    },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}
