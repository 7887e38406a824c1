/**
 * Readers for the gold corpora: TR-News and LGL (`<toponym>` format), GeoVirus (`<location>`
 * format) and the project's own fixtures (tests/fixtures/toponyms/*.json). Each reader returns
 * the same GoldArticle shape, with every gold span checked against its text and, when it is off
 * by a few characters, moved to the nearest place the phrase occurs (counted in `alignment`).
 * The corpora are read in place and never copied.
 *
 * @example
 * const { articles, alignment } = readToponymXml(readFileSync('TR-News.xml', 'utf8'));
 * articles[0].toponyms[0] // { start, end, phrase, name, lat, lon, fcode, … }
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { childOf, childrenOf, fieldOf, parseXml, textOf, type XmlElement } from './xml.ts';

export const CORPUS_NAMES = ['tr-news', 'lgl', 'geovirus', 'fixtures'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

/** The file of each XML corpus inside the corpora directory. */
export const CORPUS_FILES: Record<Exclude<CorpusName, 'fixtures'>, string> = {
  'tr-news': 'TR-News.xml',
  lgl: 'lgl.xml',
  geovirus: 'GeoVirus.xml',
};

export interface GoldToponym {
  start: number;
  end: number;
  /** The text the span covers (after alignment). */
  phrase: string;
  /** The gazetteer's name of the place, when the corpus gives one apart from the phrase. */
  name: string | null;
  /** null: the corpus gives no coordinates (a TR-News/LGL toponym without <gaztag>). */
  lat: number | null;
  lon: number | null;
  /** GeoNames feature code (TR-News, LGL): PCLI for a country, ADM1 for a state… */
  fcode: string | null;
  /** The country's name as the corpus writes it (TR-News, LGL). */
  countryName: string | null;
  /** The Wikipedia page of the place (GeoVirus). */
  page: string | null;
  /** The fixtures' own label ("country", "adjectival", …). */
  kind: string | null;
}

export const NONLOCATIONAL_TYPES = ['metonym', 'organisation', 'team', 'newspaper', 'event', 'agreement', 'person', 'other'] as const;
export type NonLocationalType = (typeof NONLOCATIONAL_TYPES)[number];

/** A place name used for something that is not a location ("Tehran said", "Texas Rangers"). */
export interface NonLocational {
  start: number;
  end: number;
  type: NonLocationalType;
}

export interface GoldArticle {
  id: string;
  text: string;
  /** YYYY-MM-DD, or null when the corpus does not say. */
  published: string | null;
  toponyms: GoldToponym[];
  nonlocational: NonLocational[];
}

/** How the gold offsets compared with the text. */
export interface Alignment {
  checked: number;
  /** text.slice(start, end) differed from the phrase. */
  mismatched: number;
  /** …and the phrase was found nearby, so the span was moved there. */
  realigned: number;
  /** …and it was not: the span is kept as given. */
  unaligned: number;
  /** Articles with at least one mismatch. */
  articles: number;
  /** How far the realigned spans moved (new start − given start) → count. */
  shifts: Record<string, number>;
}

export interface Corpus {
  name: CorpusName;
  /** Where it was read from. */
  source: string;
  articles: GoldArticle[];
  alignment: Alignment;
}

/** How far from the given offset a mismatched phrase is looked for. */
const ALIGN_WINDOW = 100;

export function emptyAlignment(): Alignment {
  return { checked: 0, mismatched: 0, realigned: 0, unaligned: 0, articles: 0, shifts: {} };
}

/**
 * Checks each span against the text: a span whose text is not `phrase` moves to the nearest
 * occurrence of the phrase within ALIGN_WINDOW characters. TR-News drifts by 1–10 characters
 * in some articles and GeoVirus counts from 1, so without this every affected gold would count
 * as missed.
 */
export function alignSpan(text: string, start: number, end: number, phrase: string, alignment: Alignment): { start: number; end: number; ok: boolean } {
  alignment.checked++;
  if (text.slice(start, end) === phrase) return { start, end, ok: true };
  alignment.mismatched++;
  let best = -1;
  const from = Math.max(0, start - ALIGN_WINDOW);
  for (let k = text.indexOf(phrase, from); k >= 0 && k <= start + ALIGN_WINDOW; k = text.indexOf(phrase, k + 1)) {
    if (best < 0 || Math.abs(k - start) < Math.abs(best - start)) best = k;
  }
  if (best < 0 || !phrase) {
    alignment.unaligned++;
    return { start, end, ok: false };
  }
  alignment.realigned++;
  const shift = String(best - start);
  alignment.shifts[shift] = (alignment.shifts[shift] ?? 0) + 1;
  return { start: best, end: best + phrase.length, ok: false };
}

function num(el: XmlElement, name: string): number | null {
  const v = fieldOf(el, name);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The article's date from <dltime> ("2009-03-20 12:24:52…" → "2009-03-20"). */
function dateOf(el: XmlElement): string | null {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(fieldOf(el, 'dltime') ?? '');
  return m ? m[0] : null;
}

/**
 * Reads TR-News or LGL: `<article docid><text>…</text><toponyms><toponym><start><end><phrase>
 * <gaztag geonameid><name><fcode><lat><lon><country>…`. A toponym without <gaztag> keeps its
 * span (it counts for recognition) with null coordinates.
 */
export function readToponymXml(xml: string): { articles: GoldArticle[]; alignment: Alignment } {
  return readArticles(xml, (a, i) => ({ id: a.attrs.docid ?? String(i), published: dateOf(a) }), (a, text, alignment) => {
    const toponyms: GoldToponym[] = [];
    const list = childOf(a, 'toponyms');
    for (const t of list ? childrenOf(list, 'toponym') : []) {
      const start = num(t, 'start');
      const end = num(t, 'end');
      if (start === null || end === null) continue;
      const phraseEl = childOf(t, 'phrase');
      const phrase = phraseEl ? textOf(phraseEl) : text.slice(start, end);
      const span = alignSpan(text, start, end, phrase, alignment);
      const gaz = childOf(t, 'gaztag');
      const lat = gaz ? num(gaz, 'lat') : null;
      const lon = gaz ? num(gaz, 'lon') : null;
      toponyms.push({
        start: span.start, end: span.end, phrase: text.slice(span.start, span.end),
        name: gaz ? fieldOf(gaz, 'name') : null,
        lat: lat !== null && lon !== null ? lat : null, lon: lat !== null && lon !== null ? lon : null,
        fcode: gaz ? fieldOf(gaz, 'fcode') : null,
        countryName: gaz ? fieldOf(gaz, 'country') : null,
        page: null, kind: null,
      });
    }
    return toponyms;
  });
}

/**
 * The loop both XML readers share: each <article>'s text, its gold toponyms as `toponyms`
 * reads them (aligning their offsets), and a count of the articles with a misaligned offset.
 */
function readArticles(
  xml: string,
  meta: (article: XmlElement, index: number) => { id: string; published: string | null },
  toponymsOf: (article: XmlElement, text: string, alignment: Alignment) => GoldToponym[],
): { articles: GoldArticle[]; alignment: Alignment } {
  const alignment = emptyAlignment();
  const articles: GoldArticle[] = [];
  childrenOf(parseXml(xml), 'article').forEach((a, i) => {
    const textEl = childOf(a, 'text');
    const text = textEl ? textOf(textEl) : '';
    const before = alignment.mismatched;
    const toponyms = toponymsOf(a, text, alignment);
    if (alignment.mismatched > before) alignment.articles++;
    articles.push({ ...meta(a, i), text, toponyms, nonlocational: [] });
  });
  return { articles, alignment };
}

/** Every <location> with a <start>, however nested: one GeoVirus article nests a location in another. */
function locationsOf(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string' || c.name !== 'location') continue;
    locationsOf(c, out);
    if (childOf(c, 'start')) out.push(c);
  }
  return out;
}

/**
 * Reads GeoVirus: `<article><source><text><locations><location><name><start><end><lat><lon><page>`.
 * The name is the text of the mention; GeoVirus has no dates and no feature codes.
 */
export function readGeoVirusXml(xml: string): { articles: GoldArticle[]; alignment: Alignment } {
  return readArticles(xml, (_, i) => ({ id: String(i + 1), published: null }), (a, text, alignment) => {
    const toponyms: GoldToponym[] = [];
    const locations = childOf(a, 'locations');
    const found = locations ? locationsOf(locations) : [];
    // Nested ones are found before their parent: text order keeps reports stable.
    found.sort((x, y) => (num(x, 'start') ?? 0) - (num(y, 'start') ?? 0));
    for (const l of found) {
      const start = num(l, 'start');
      const end = num(l, 'end');
      const name = fieldOf(l, 'name');
      if (start === null || end === null) continue;
      const span = alignSpan(text, start, end, name ?? text.slice(start, end), alignment);
      const lat = num(l, 'lat');
      const lon = num(l, 'lon');
      toponyms.push({
        start: span.start, end: span.end, phrase: text.slice(span.start, span.end), name,
        lat: lat !== null && lon !== null ? lat : null, lon: lat !== null && lon !== null ? lon : null,
        fcode: null, countryName: null, page: fieldOf(l, 'page'), kind: null,
      });
    }
    return toponyms;
  });
}

const spanFields = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const fixtureSchema = z.object({
  id: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  text: z.string(),
  toponyms: z.array(z.object({
    ...spanFields, name: z.string(), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), kind: z.string().optional(),
  }).loose()),
  nonlocational: z.array(z.object({ ...spanFields, type: z.enum(NONLOCATIONAL_TYPES) }).loose()).default([]),
}).loose();

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/**
 * Reads one fixture file's JSON. A bad file fails with one line naming the file and field;
 * a span outside the text fails too, since every figure would silently be wrong otherwise.
 */
export function readFixture(json: string, file: string, alignment: Alignment = emptyAlignment()): GoldArticle {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new CorpusError(`${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = fixtureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorpusError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const f = parsed.data;
  const check = (s: { start: number; end: number }, where: string) => {
    alignment.checked++;
    if (s.start >= s.end || s.end > f.text.length) {
      alignment.mismatched++;
      alignment.unaligned++;
      throw new CorpusError(`${file}: ${where}: span ${s.start}-${s.end} is not inside the text (length ${f.text.length})`);
    }
  };
  f.toponyms.forEach((t, i) => check(t, `toponyms[${i}]`));
  f.nonlocational.forEach((t, i) => check(t, `nonlocational[${i}]`));
  return {
    id: f.id, text: f.text, published: f.published,
    toponyms: f.toponyms.map((t) => ({
      start: t.start, end: t.end, phrase: f.text.slice(t.start, t.end), name: t.name, lat: t.lat, lon: t.lon,
      fcode: null, countryName: null, page: null, kind: t.kind ?? null,
    })),
    nonlocational: f.nonlocational.map((n) => ({ start: n.start, end: n.end, type: n.type })),
  };
}

/** All fixtures of a directory, in file-name order; an absent or empty directory is an empty corpus. */
export function readFixtureDir(dir: string): Corpus {
  const alignment = emptyAlignment();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const articles = files.map((f) => readFixture(readFileSync(join(dir, f), 'utf8'), join(dir, f), alignment));
  return { name: 'fixtures', source: dir, articles, alignment };
}

/** Reads one XML corpus from the corpora directory; a missing file is a one-line CorpusError. */
export function readXmlCorpus(name: Exclude<CorpusName, 'fixtures'>, dir: string): Corpus {
  const path = join(dir, CORPUS_FILES[name]);
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CorpusError(`${path}: cannot read corpus (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { articles, alignment } = name === 'geovirus' ? readGeoVirusXml(xml) : readToponymXml(xml);
  return { name, source: path, articles, alignment };
}

/** Texts that occur more than once in a corpus (extra copies counted), and gold spans that overlap another gold span. */
export function corpusOddities(corpus: Corpus): { duplicateTexts: number; overlappingGold: number; duplicateGold: number } {
  const texts = new Map<string, number>();
  let overlappingGold = 0;
  let duplicateGold = 0;
  for (const a of corpus.articles) {
    texts.set(a.text, (texts.get(a.text) ?? 0) + 1);
    const sorted = [...a.toponyms].sort((x, y) => x.start - y.start || x.end - y.end);
    for (let i = 1; i < sorted.length; i++) {
      const p = sorted[i - 1]!;
      const c = sorted[i]!;
      if (p.start === c.start && p.end === c.end) duplicateGold++;
      else if (c.start < p.end) overlappingGold++;
    }
  }
  let duplicateTexts = 0;
  for (const n of texts.values()) if (n > 1) duplicateTexts += n - 1;
  return { duplicateTexts, overlappingGold, duplicateGold };
}
