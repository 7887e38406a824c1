import { EVENT_KINDS, type NewsmapFeature } from '../../core/geojson/schema.ts';
import { FeatureStreamScanner } from '../../core/import/featureStream.ts';

export interface Article {
  id: string;
  title: string;
  published: string;
  source: string | null;
  text: string;
}

export interface Corpus {
  features: NewsmapFeature[];
  articles: Map<string, Article>;
  /** Problems found while loading, shown to the user rather than thrown. */
  notes: string[];
}

const DEFAULT_CORPUS_URL = 'data/corpus.geojson';
const ARTICLES_URL = 'data/articles.json';

/**
 * `?data=bench.geojson` swaps the corpus (the map benchmark uses it). Only same-origin relative
 * paths are accepted: a shared link must not make the dashboard fetch from elsewhere.
 */
export function resolveCorpusUrl(search: string): { url: string; note: string | null } {
  const raw = new URLSearchParams(search).get('data');
  if (raw === null || raw === '') return { url: DEFAULT_CORPUS_URL, note: null };
  if (/^[A-Za-z0-9._/-]+\.(geo)?json$/.test(raw) && !raw.includes('..') && !raw.startsWith('/')) {
    return { url: raw, note: null };
  }
  return { url: DEFAULT_CORPUS_URL, note: `Ignored "data=${raw}": only a relative .geojson path on this site is allowed.` };
}

function isPosition(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1]);
}

/**
 * A cheap structural check, not the full zod schema: it must stay fast for 100k features and it
 * only has to guarantee what the renderer relies on. Bad features are dropped and counted.
 */
export function usableFeature(f: unknown): f is NewsmapFeature {
  if (typeof f !== 'object' || f === null) return false;
  const { id, geometry, properties: p } = f as Partial<NewsmapFeature>;
  if (typeof id !== 'string' || !geometry || !p) return false;
  if (geometry.type === 'Point') {
    if (!isPosition(geometry.coordinates)) return false;
  } else if (geometry.type === 'LineString') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length < 2 || !geometry.coordinates.every(isPosition)) return false;
  } else return false;
  return (
    (EVENT_KINDS as readonly string[]).includes(p.kind) &&
    Array.isArray(p.actors) &&
    (p.date === null || typeof p.date === 'string') &&
    typeof p.title === 'string' &&
    typeof p.quote === 'string' &&
    Array.isArray(p.span)
  );
}

/**
 * Above this size the corpus is read as a stream, feature by feature: a million events are
 * more JSON text than one JavaScript string can hold.
 */
const STREAM_ABOVE_BYTES = 128 * 1024 * 1024;

/** The `features` array of the GeoJSON at `url`, streamed when it is large. */
async function fetchFeatures(url: string): Promise<unknown[]> {
  const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // No declared length (a chunked response) may be any size: stream it too.
  const declared = response.headers.get('content-length');
  if ((declared !== null && Number(declared) <= STREAM_ABOVE_BYTES) || !response.body) {
    const features = ((await response.json()) as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new Error(`${url} is not a GeoJSON FeatureCollection`);
    return features;
  }
  const scanner = new FeatureStreamScanner();
  const decoder = new TextDecoder();
  const features: unknown[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    const parsed = scanner.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
    for (const f of parsed) features.push(f);
    if (done) break;
  }
  try {
    scanner.end();
  } catch (e) {
    throw new Error(`${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return features;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

export async function loadCorpus(search: string): Promise<Corpus> {
  const notes: string[] = [];
  const { url, note } = resolveCorpusUrl(search);
  if (note) notes.push(note);
  const [rawFeatures, articlesRaw] = await Promise.all([
    fetchFeatures(url),
    // The reader is optional: the map works without article texts.
    fetchJson(ARTICLES_URL).catch((e: unknown) => {
      notes.push(`Article texts unavailable (${e instanceof Error ? e.message : String(e)}); the reader is disabled.`);
      return [];
    }),
  ]);
  const features = rawFeatures.filter(usableFeature);
  if (features.length < rawFeatures.length) notes.push(`${rawFeatures.length - features.length} malformed feature(s) skipped.`);
  const articles = new Map<string, Article>();
  if (Array.isArray(articlesRaw)) {
    for (const a of articlesRaw as Partial<Article>[]) {
      if (typeof a.id === 'string' && typeof a.text === 'string') {
        articles.set(a.id, {
          id: a.id,
          title: String(a.title ?? a.id),
          published: String(a.published ?? ''),
          source: typeof a.source === 'string' ? a.source : null,
          text: a.text,
        });
      }
    }
  }
  return { features, articles, notes };
}
