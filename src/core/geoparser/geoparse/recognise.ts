import type { Token } from '../text/tokens.ts';
import { scanPhrases, joined, type PhraseMatch } from '../text/phraseTable.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import { canContain, type Place } from '../gazetteer/place.ts';
import type { Cues } from './cues.ts';
import abbreviationData from './data/abbreviations.json' with { type: 'json' };
import { nameKey } from '../text/normalize.ts';

/**
 * Recognition: which capitalised runs of a sentence name a place. Every run the gazetteer
 * knows is a candidate; whether it is a place is decided from what the name is (population,
 * kind, whether it is also an English word or a person's name) and from its context (a
 * locative preposition, "X, Y", a division word, a dateline, a list, a title before it, an
 * organisation word after it). Each of those is a feature with a weight (weights.json, fitted
 * by scripts/fit-weights.ts on the development corpora); a candidate is a place when the
 * weighted sum is positive.
 */

/** The recognition features, in the order of `NameCandidate.features` and of the weights. */
export const RECOGNITION_FEATURES = [
  'bias', 'curated', 'country', 'division', 'macro', 'capital', 'logPop', 'multiword', 'common', 'firstName',
  'sentenceStart', 'headline', 'allCaps', 'preposition', 'placeNounOf', 'appositionNext', 'appositionPrev',
  'divisionWord', 'based', 'dateline', 'list', 'title', 'firstNameBefore', 'knownPerson', 'speechAfter',
  'capBefore', 'capAfter', 'organisationAfter', 'facilityAfter', 'possessive', 'repeated', 'inexact',
] as const;
export type RecognitionFeature = (typeof RECOGNITION_FEATURES)[number];
const F = Object.fromEntries(RECOGNITION_FEATURES.map((f, i) => [f, i])) as Record<RecognitionFeature, number>;

/** A gazetteer name found in a sentence, with its features and score. */
export interface NameCandidate {
  /** Token indices into the sentence's tokens, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** The name key of the text (its words' normalised forms): mentions with one key share a sense. */
  key: string;
  candidates: readonly Place[];
  features: number[];
  score: number;
}

/** What the whole article tells about its names before any sentence is read. */
export interface DocumentCues {
  /** Name keys used as people's names in the article ("davis" after "Bob Davis" or "Mr. Davis"). */
  persons: ReadonlySet<string>;
}

/** Where a sentence sits: a dateline can only open an article or a paragraph. */
export interface SentencePosition {
  paragraphStart: boolean;
  articleStart: boolean;
}

const KINDS_COUNTRY = new Set(['country']);
const KINDS_DIVISION = new Set(['province', 'county']);
const KINDS_MACRO = new Set(['continent', 'sea', 'region']);
const CAPITAL_CODES = new Set(['PPLC', 'PPLA', 'PPLG']);
/** Particles inside names that do not count as words of their own ("Isle of Man"). */
const PARTICLES = new Set(['of', 'de', 'del', 'la', 'le', 'the', 'and', 'du', 'des', 'on', 'upon', 'al', 'el', 'bin', 'ibn']);

/**
 * Finds the people's names of an article: a capitalised run that starts with a common first
 * name or follows a title ("Bob Davis", "Mr. Davis", "Gov. Rick Perry") and that the gazetteer
 * does not know as a whole. Their last words are surnames; a bare "Davis" later is the person.
 *
 * @example
 * documentCues([tokenize('Bob Davis said.')], text, index, cues).persons // Set { "davis" }
 */
export function documentCues(sentences: readonly (readonly Token[])[], text: string, index: PlaceIndex, cues: Cues): DocumentCues {
  const persons = new Set<string>();
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.capitalized) continue;
      const titled = i > 0 && cues.titles.has(tokens[i - 1]!.norm) && tokens[i - 1]!.capitalized;
      if (!titled && !(cues.isFirstName(t.raw) && /^\p{Lu}\p{Ll}/u.test(t.raw))) continue;
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.capitalized && !tokens[j + 1]!.possessive && joined(text, tokens[j]!, tokens[j + 1]!)) j++;
      while (j > i && cues.nameFollowers.has(tokens[j]!.norm)) j--;
      if (j === i && !titled) continue;
      const run = tokens.slice(i, j + 1).map((x) => x.norm).join(' ');
      if (index.names.get(run)) { i = j; continue; }
      persons.add(tokens[j]!.norm);
      i = j;
    }
  }
  return { persons };
}

/**
 * The candidates of one sentence, each with its features and score. Callers keep those with a
 * positive score, after `markRepeats` has credited names the article uses as places elsewhere.
 *
 * @example
 * nameCandidates(tokenize('Floods hit Springfield, Illinois.'), text, index, cues, doc, pos, weights)
 *   .filter((c) => c.score > 0).map((c) => c.text) // ["Springfield", "Illinois"]
 */
export function nameCandidates(
  tokens: readonly Token[], text: string, index: PlaceIndex, cues: Cues, doc: DocumentCues,
  position: SentencePosition, weights: readonly number[],
): NameCandidate[] {
  const matches = withAbbreviations(scanPhrases(tokens, text, index.names).filter((m) => anyCapitalized(tokens, m.first, m.last)), tokens, text, index);
  // Only an article's first line can be its headline.
  const headline = position.articleStart && isHeadline(tokens);
  const out: NameCandidate[] = [];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    // "Al-Qaim", "El Fasher": a capitalised article written before the name belongs to it.
    const article = tokens[m.first - 1];
    const first = article && article.article && article.capitalized && joined(text, article, tokens[m.first]!) ? m.first - 1 : m.first;
    const words = tokens.slice(m.first, m.last + 1).filter((t) => !t.article);
    // Towns called March, Thursday or Christmas exist, but a month or a weekday alone is a date;
    // and "the South", "the Gulf" or "Route 9" alone is a direction or a noun, not a town.
    if (words.length === 1 && (cues.calendarWords.has(words[0]!.norm) || cues.compassWords.has(words[0]!.norm))) continue;
    // "Canadian", "Iraqi": a demonym is an adjective (the events read it as an actor), never a
    // place, even where a town bears the same name (Canadian County, Oklahoma).
    const key = words.map((t) => t.norm).join(' ');
    if (index.demonyms.has(key)) continue;
    let candidates: readonly Place[] = m.values;
    const caps = words.length === 1 && /^[\p{Lu}\d]{2,}$/u.test(words[0]!.raw);
    const dateline = position.paragraphStart && first === 0 && isDateline(text, tokens, m.last);
    // A short all-caps word is an acronym ("UK", "SANA", "NATO"): only a country's code or short
    // name can be one, unless it opens a dateline ("ROME (AP) —").
    if (caps && words[0]!.raw.length <= 4 && !dateline && !ABBREVIATION_MATCHES.has(m)) {
      candidates = candidates.filter((p) => p.kind === 'country');
      if (!candidates.length) continue;
    }
    const f = features(tokens, text, matches, k, first, words, candidates, cues, doc, headline, caps, dateline);
    const start = tokens[first]!.start;
    const end = tokens[m.last]!.end;
    // "Mass" reaches the Italian town Mas only through the name key's folding of doubled letters.
    const written = foldWritten(text.slice(tokens[m.first]!.start, end));
    if (!ABBREVIATION_MATCHES.has(m) && !candidates.some((p) => writtenForms(p, index).has(written))) {
      // …and when the word as written is an English word, it is that word: the exact match wins.
      if (words.length === 1 && cues.commonCount(words[0]!.raw.toLowerCase()) > 0) continue;
      f[F.inexact] = 1;
    }
    out.push({ first, last: m.last, start, end, text: text.slice(start, end), key, candidates, features: f, score: dot(f, weights) });
  }
  return out;
}

/**
 * One sense per article: a name the article clearly uses as a place ("in Davis") makes its
 * other mentions more likely places too. Sets the `repeated` feature and rescores.
 */
export function markRepeats(all: readonly NameCandidate[], keyOf: (c: NameCandidate) => string, weights: readonly number[]): void {
  const places = new Map<string, number>();
  for (const c of all) if (c.score > 0) places.set(keyOf(c), (places.get(keyOf(c)) ?? 0) + 1);
  for (const c of all) {
    // Another mention, not this one, must vouch for the name.
    const others = (places.get(keyOf(c)) ?? 0) - (c.score > 0 ? 1 : 0);
    if (others <= 0) continue;
    c.features[F.repeated] = 1;
    c.score = dot(c.features, weights);
  }
}

function features(
  tokens: readonly Token[], text: string, matches: readonly PhraseMatch<Place>[], k: number, first: number,
  words: readonly Token[], candidates: readonly Place[], cues: Cues, doc: DocumentCues, headline: boolean, caps: boolean, dateline: boolean,
): number[] {
  const f = new Array<number>(RECOGNITION_FEATURES.length).fill(0);
  const m = matches[k]!;
  const last = m.last;
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  const next = tokens[last + 1];
  const joinedPrev = prev !== undefined && joined(text, prev, tokens[first]!);
  const joinedNext = next !== undefined && joined(text, tokens[last]!, next);
  f[F.bias] = 1;
  let pop = 0;
  for (const p of candidates) {
    // The analyst's own entries count like the curated layer's.
    if (p.layer !== 'broad') f[F.curated] = 1;
    if (KINDS_COUNTRY.has(p.kind)) f[F.country] = 1;
    if (KINDS_DIVISION.has(p.kind)) f[F.division] = 1;
    if (KINDS_MACRO.has(p.kind)) f[F.macro] = 1;
    if (p.fcode && CAPITAL_CODES.has(p.fcode)) f[F.capital] = 1;
    if (p.population > pop) pop = p.population;
  }
  f[F.logPop] = Math.log10(1 + pop) / 7;
  const content = words.filter((t) => !PARTICLES.has(t.norm));
  f[F.multiword] = content.length > 1 ? 1 : 0;
  // How common the name is as an English word: the least common of its words ("New Hope" is
  // common, "New Delhi" is not).
  let common = Infinity;
  for (const t of content) common = Math.min(common, cues.commonCount(t.norm));
  f[F.common] = common > 0 && Number.isFinite(common) ? Math.log10(common) / 5 : 0;
  f[F.firstName] = content.length === 1 && cues.isFirstName(content[0]!.raw) ? 1 : 0;
  f[F.sentenceStart] = first === 0 ? 1 : 0;
  f[F.headline] = headline ? 1 : 0;
  f[F.allCaps] = caps ? 1 : 0;
  if (prev) {
    const prepIndex = prev.norm === 'the' ? first - 2 : first - 1;
    const prep = tokens[prepIndex];
    if (prep && cues.locativePrepositions.has(prep.norm)) f[F.preposition] = 1;
    // "the town of X", "residents of X".
    if (prev.norm === 'of' && prev2 && cues.placeNouns.has(prev2.norm)) f[F.placeNounOf] = 1;
    if (cues.titles.has(prev.norm) && joinedPrev && prev.capitalized) f[F.title] = 1;
    if (joinedPrev && prev.capitalized && cues.isFirstName(prev.raw) && !prev.article) f[F.firstNameBefore] = 1;
    if (joinedPrev && prev.capitalized && !prev.article && !prev.possessive && !cues.locativePrepositions.has(prev.norm) && !cues.titles.has(prev.norm) && first - 1 !== 0) f[F.capBefore] = 1;
  }
  // "Paris, Texas": a division or country right after a comma names this place's parent.
  const after = matches[k + 1];
  if (after && after.first === last + 1 && between(text, tokens, last, after.first) === ',' && after.values.some(canContain)) f[F.appositionNext] = 1;
  const before = matches[k - 1];
  if (before && before.last === first - 1 && between(text, tokens, before.last, first) === ',' && candidates.some(canContain)) f[F.appositionPrev] = 1;
  // "X and Y", "X, Y and Z": a list of places.
  const listGap = (a: number, b: number) => { const g = between(text, tokens, a, b); return g === ',' || g === 'and' || g === 'or' || g === ', and' || g === ', or'; };
  if ((before && listGap(before.last, first)) || (after && listGap(last, after.first))) f[F.list] = 1;
  const lastWord = words[words.length - 1]!;
  if (cues.divisionWords.has(lastWord.norm) || (next && joinedNext && cues.divisionWords.has(next.norm))) f[F.divisionWord] = 1;
  if (/^-based\b/i.test(text.slice(tokens[last]!.end, tokens[last]!.end + 7))) f[F.based] = 1;
  f[F.dateline] = dateline ? 1 : 0;
  for (const t of content) if (doc.persons.has(t.norm) && content.length === 1) f[F.knownPerson] = 1;
  if (next) {
    if (next.possessive) f[F.possessive] = 1;
    const verb = next.norm === 'has' || next.norm === 'had' ? tokens[last + 2] : next;
    if (verb && cues.speechVerbs.has(verb.norm)) f[F.speechAfter] = 1;
    if (joinedNext && !next.possessive) {
      // "Dallas Police", "the Torrington Fire Department", "Ohio Senate": an office of the place,
      // named by the last word of the capitalised run after it (up to a title), says where it is.
      // Not inside a longer run ("the Mansfield Police Department", "Bantam Superior Court"):
      // there the office belongs to the name before; and not after an English word ("Border
      // Police", "the City Council"), which names the office itself.
      const office = cues.officeHeads.has(runHead(tokens, text, last, cues).norm) && !f[F.capBefore] && !f[F.common];
      if (office || cues.facilityHeads.has(next.norm)) f[F.facilityAfter] = 1;
      else if (cues.organisationHeads.has(next.norm) || cues.organisationFollowers.has(next.norm)) f[F.organisationAfter] = 1;
      else if (next.capitalized && !cues.divisionWords.has(next.norm)) f[F.capAfter] = 1;
    }
  }
  return f;
}

/** The last word of the capitalised run after token `last`, stopping before a title ("Fargo Police Chief Keith Ternes" → Police). */
function runHead(tokens: readonly Token[], text: string, last: number, cues: Cues): Token {
  let i = last;
  while (i + 1 < tokens.length && i - last < 5) {
    const t = tokens[i + 1]!;
    if (!t.capitalized || t.possessive || !joined(text, tokens[i]!, t) || cues.titles.has(t.norm)) break;
    i++;
  }
  return tokens[i]!;
}

/** State and province abbreviations by country, as written with their dots ("Calif.", "W.Va.", "NSW"). */
const ABBREVIATIONS: ReadonlyMap<string, { country: string; name: string }> = new Map(
  Object.entries(abbreviationData).filter(([country]) => country !== 'provenance' && country !== 'standalone')
    .flatMap(([country, table]) => Object.entries(table as Record<string, string>).map(([abbr, name]) => [abbr, { country, name }] as const)),
);

/** The abbreviations that name their state anywhere ("NSW", "Qld"), not only after "Town,". */
const STANDALONE: ReadonlySet<string> = new Set((abbreviationData as { standalone?: string[] }).standalone ?? []);

/** Matches made from an abbreviation: written in capitals ("NSW") but not acronyms of something else. */
const ABBREVIATION_MATCHES = new WeakSet<PhraseMatch<Place>>();

/**
 * "Springfield, Ill.", "Charleston, W.Va.", "Wollongong, NSW": after a place and a comma, a
 * state abbreviation as news copy writes it names the state. Only there: alone, "Ill.", "Miss."
 * or "Wash." are words.
 */
function withAbbreviations(matches: PhraseMatch<Place>[], tokens: readonly Token[], text: string, index: PlaceIndex): PhraseMatch<Place>[] {
  const out: PhraseMatch<Place>[] = [];
  // "in regional NSW", "NSW and Queensland have extended their bans": the few abbreviations
  // that name their state anywhere (abbreviations.json `standalone`), where no name was read.
  const alone = (upTo: number) => {
    for (let i = out.length ? out[out.length - 1]!.last + 1 : 0; i < upTo; i++) {
      const t = tokens[i]!;
      const written = STANDALONE.has(t.raw) ? t.raw : STANDALONE.has(`${t.raw}.`) && text[t.end] === '.' ? `${t.raw}.` : undefined;
      const entry = written === undefined ? undefined : ABBREVIATIONS.get(written);
      if (!entry) continue;
      const values = (index.names.get(nameKey(entry.name)) ?? []).filter((p) => p.kind === 'province' && p.country === entry.country);
      if (!values.length) continue;
      const abbreviation: PhraseMatch<Place> = { first: i, last: i, values };
      ABBREVIATION_MATCHES.add(abbreviation);
      out.push(abbreviation);
    }
  };
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (STANDALONE.size) alone(m.first);
    out.push(m);
    const at = m.last + 1;
    const t = tokens[at];
    if (!t || text.slice(tokens[m.last]!.end, t.start).trim() !== ',') continue;
    for (let j = at; j < Math.min(tokens.length, at + 4); j++) {
      const raw = text.slice(t.start, tokens[j]!.end);
      const entry = ABBREVIATIONS.get(raw) ?? ABBREVIATIONS.get(`${raw}.`);
      if (!entry || (ABBREVIATIONS.has(`${raw}.`) && text[tokens[j]!.end] !== '.')) continue;
      const values = (index.names.get(nameKey(entry.name)) ?? []).filter((p) => p.kind === 'province' && p.country === entry.country);
      if (!values.length) break;
      // The abbreviation replaces whatever the scan read there ("La" of "La.").
      while (matches[k + 1] && matches[k + 1]!.first <= j) k++;
      const abbreviation: PhraseMatch<Place> = { first: at, last: j, values };
      ABBREVIATION_MATCHES.add(abbreviation);
      out.push(abbreviation);
      break;
    }
  }
  if (STANDALONE.size) alone(tokens.length);
  return out;
}

/** The text between two tokens, trimmed and lower-cased: "," for "X, Y", "and" for "X and Y". */
function between(text: string, tokens: readonly Token[], a: number, b: number): string {
  return text.slice(tokens[a]!.end, tokens[b]!.start).trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A dateline: the name opens a paragraph and is followed by "(AP) —", ", Feb 24 (Reuters) -", " —". */
export function isDateline(text: string, tokens: readonly Token[], last: number): boolean {
  const rest = text.slice(tokens[last]!.end, tokens[last]!.end + 60);
  return /^(?:,\s*[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)?)?(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--?|:)\s/u.test(rest);
}

/** A name but for case, accents and punctuation: "Bogota" is "Bogotá", "Mass" is not "Mas". */
function foldWritten(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const writtenCache = new WeakMap<Place, Set<string>>();

/** A place's names as `foldWritten` writes them, computed once per place. */
function writtenForms(p: Place, index: PlaceIndex): Set<string> {
  let forms = writtenCache.get(p);
  if (!forms) writtenCache.set(p, (forms = new Set([p.name, ...(index.altNamesOf(p) ?? [])].map(foldWritten))));
  return forms;
}

/** A title-case line ("Alexandria Woman Charged In Fire"): capitals say nothing there. */
export function isHeadline(tokens: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.raw.length < 4) continue;
    words++;
    if (t.capitalized) caps++;
  }
  return words >= 5 && caps / words >= 0.7;
}

function anyCapitalized(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (tokens[i]!.capitalized && !tokens[i]!.article) return true;
  return false;
}

function dot(f: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += f[i]! * (w[i] ?? 0);
  return s;
}
