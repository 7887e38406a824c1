import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, booleanPointInPolygon, centroid, pointOnFeature, polygon as turfPolygon } from '@turf/turf';

export interface CountryLabel {
  name: string;
  lat: number;
  lon: number;
  /** km², used to decide at which zoom a label is worth showing. */
  areaKm2: number;
}

export interface Countries {
  shapes: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  labels: CountryLabel[];
}

/**
 * A label point inside the country's largest polygon: the centroid of a multipolygon (USA with
 * Alaska, Norway with Svalbard) can fall in the sea, and so can a concave country's centroid.
 */
function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let largest = rings[0]!;
  let largestArea = -1;
  for (const r of rings) {
    const a = area(turfPolygon(r));
    if (a > largestArea) {
      largestArea = a;
      largest = r;
    }
  }
  const poly = turfPolygon(largest);
  const c = centroid(poly);
  const point = booleanPointInPolygon(c, poly) ? c : pointOnFeature(poly);
  return point.geometry.coordinates as [number, number];
}

/**
 * The offline basemap: Natural Earth 1:50m countries bundled with the app (world-atlas), so the
 * map never needs a tile server. Loaded as a separate chunk to keep the first script small.
 */
export async function loadCountries(): Promise<Countries> {
  const topology = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const shapes = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const labels: CountryLabel[] = [];
  for (const f of shapes.features) {
    if (!f.geometry || !f.properties?.name) continue;
    const [lon, lat] = labelPoint(f);
    labels.push({ name: f.properties.name, lat, lon, areaKm2: area(f) / 1e6 });
  }
  return { shapes, labels };
}

/** Smallest country area labelled at a zoom level: big countries first, all of them from z6. */
export function minLabelAreaKm2(zoom: number): number {
  if (zoom < 3) return 3_000_000;
  if (zoom < 4) return 700_000;
  if (zoom < 5) return 150_000;
  if (zoom < 6) return 20_000;
  return 0;
}
