import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { EVENT_KINDS } from '../../core/geoparser/geojson/vocabulary.ts';
import { FeatureBatchParser } from '../../core/engine/import/featureBatches.ts';
import { FeatureTableBuilder, type FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { postMacrotask } from '../../worker/macrotask.ts';

export interface Article {
  id: string;
  title: string;
  published: string;
  source: string | null;
  text: string;
}

export interface Corpus {
  features: NewsmapFeature[];
  /** `features` as columns, built while they downloaded. */
  table: FeatureTable;
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
 * The `features` array of the GeoJSON at `url`, parsed batch by batch while it downloads (a
 * 55 MB corpus parses in the time it takes to arrive), and never held whole: a million events
 * are more JSON text than one JavaScript string can hold.
 */
async function fetchFeatures(url: string, take: (batch: unknown[]) => void): Promise<void> {
  performance.mark('newsmap:corpus-fetch');
  const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parser = new FeatureBatchParser();
  try {
    if (!response.body) take(parser.push(await response.text()));
    else {
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      let ranSince = performance.now();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(parser.push(decoder.decode(value, { stream: true })));
        // Chunks already received resolve `read()` as microtasks, so this loop would hold the
        // thread until the last byte: let the app's code start and the map draw in between.
        if (performance.now() - ranSince > YIELD_AFTER_MS) {
          await yieldToPage();
          ranSince = performance.now();
        }
      }
      take(parser.push(decoder.decode()));
    }
    take(parser.end());
    performance.mark('newsmap:corpus-parsed');
  } catch (e) {
    // One line naming the file: a parse error says what is wrong, a network error what failed.
    throw new Error(`${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const YIELD_AFTER_MS = 30;

/**
 * Lets queued tasks (the app's modules, rendering, input) run before the next chunk. A plain
 * macrotask, not `scheduler.yield()`, whose continuation would jump that queue.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => postMacrotask(resolve));
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

let started: { search: string; corpus: Promise<Corpus> } | null = null;

/**
 * Starts loading the corpus once per page: the boot module calls it before the app's code has
 * even downloaded, and the app then picks up the same promise.
 */
export function startCorpusLoad(search: string): Promise<Corpus> {
  if (started === null || started.search !== search) started = { search, corpus: loadCorpus(search) };
  return started.corpus;
}

export async function loadCorpus(search: string): Promise<Corpus> {
  const notes: string[] = [];
  const { url, note } = resolveCorpusUrl(search);
  if (note) notes.push(note);
  const features: NewsmapFeature[] = [];
  const table = new FeatureTableBuilder();
  const ids = new Set<string>();
  let malformed = 0;
  let duplicates = 0;
  // Checked and tabled batch by batch while the rest downloads.
  const take = (batch: unknown[]) => {
    const usable: NewsmapFeature[] = [];
    for (const f of batch) {
      if (!usableFeature(f)) malformed++;
      else if (ids.has(f.id)) duplicates++;
      else {
        ids.add(f.id);
        usable.push(f);
        features.push(f);
      }
    }
    table.add(usable);
  };
  const [, articlesRaw] = await Promise.all([
    fetchFeatures(url, take),
    // The reader is optional: the map works without article texts.
    fetchJson(ARTICLES_URL).catch((e: unknown) => {
      notes.push(`Article texts unavailable (${e instanceof Error ? e.message : String(e)}); the reader is disabled.`);
      return [];
    }),
  ]);
  if (malformed > 0) notes.push(`${malformed} malformed feature(s) skipped.`);
  if (duplicates > 0) notes.push(`${duplicates} feature(s) skipped: their id repeats an earlier feature's.`);
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
  return { features, table: table.finish(), articles, notes };
}
