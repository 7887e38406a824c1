/**
 * The one adaptor between the evaluation harness and the geoparser under test. Everything the
 * harness knows about newsmap's core is in this file, so a new geoparser is measured by
 * writing another `Geoparser`.
 *
 * @example
 * const system = newsmapGeoparser(loadIndex());
 * system.parse('Flooding hit Lyon on Monday.', '2024-05-06') // [{ start: 13, end: 17, lat: 45.76, … }]
 * system.resolveSpans(text, [{ start: 13, end: 17 }])       // [{ lat: 45.76, lon: 4.84, country: 'FR' }]
 */
import { parseArticle } from '../core/geoparser/parseArticle.ts';
import type { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import { resolveSpans } from '../core/geoparser/geoparse/geoparse.ts';
import type { Span } from './score.ts';

/** A point the geoparser placed on the map, with the span of text it came from. */
export interface EvalFeature {
  start: number;
  end: number;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2, or "" when unknown. */
  country: string;
  /** What the geoparser says it is ("place", "strike", "city"…); informative only. */
  kind: string;
}

export interface ResolvedPoint {
  lat: number;
  lon: number;
  country?: string;
}

export interface Geoparser {
  /** Short name for reports. */
  readonly name: string;
  /** The whole pipeline: every point the map would show for this article. */
  parse(text: string, published: string | null): EvalFeature[];
  /** Resolution alone: the place chosen for each given span, or null when there is no candidate. */
  resolveSpans(text: string, spans: readonly Span[]): (ResolvedPoint | null)[];
}

/**
 * The pipeline needs a publication date to anchor relative dates. Dates are not scored here,
 * so a corpus without dates (GeoVirus) gets this fixed year, which keeps runs reproducible.
 */
const NO_DATE = '2000';

/** newsmap as the CLI runs it: `parseArticle` over the index of `loadIndex()`. */
export function newsmapGeoparser(index: PlaceIndex): Geoparser {
  return {
    name: 'newsmap',
    parse(text, published) {
      const { collection } = parseArticle({ id: 'eval', title: '', published: published ?? NO_DATE, text }, index);
      const out: EvalFeature[] = [];
      for (const f of collection.features) {
        // Pipeline routes are LineStrings drawn between waypoints; their mention is scored
        // through the waypoint's own place feature, if any.
        if (f.geometry.type !== 'Point') continue;
        const [lon, lat] = f.geometry.coordinates;
        const [start, end] = f.properties.span;
        out.push({ start, end, lat, lon, country: f.properties.country, kind: f.properties.kind });
      }
      return out;
    },
    resolveSpans(text, spans) {
      // The geoparser's own resolution stage: each span's candidates ranked with the other spans as context.
      return resolveSpans(text, spans, index).map((r) => (r ? { lat: r.place.lat, lon: r.place.lon, country: r.place.country } : null));
    },
  };
}
