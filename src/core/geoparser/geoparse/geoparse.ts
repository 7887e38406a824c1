import type { Token } from '../text/tokens.ts';
import type { Sentence } from '../text/sentences.ts';
import { nameKey } from '../text/normalize.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import { canContain, type Place } from '../gazetteer/place.ts';
import { distanceKm } from '../gazetteer/distance.ts';
import { getCues, type Cues } from './cues.ts';
import { documentCues, markRepeats, nameCandidates, type NameCandidate } from './recognise.ts';
import { rankMentions, type MentionToRank, type Resolution } from './rank.ts';
import { getWeights, type GeoparseWeights } from './weights.ts';
import abstain from './data/abstain.json' with { type: 'json' };

/** A run of words that names a place, with the gazetteer's candidates for it. */
export interface PlaceMention {
  /** Token indices into the sentence's tokens, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  candidates: readonly Place[];
}

/** A recognised place name with the place chosen for it. */
export interface GeoparsedName extends PlaceMention {
  resolution: Resolution;
  /** The recogniser's score (> 0: a place). */
  score: number;
}

/** One sentence of the article as the geoparser reads it. */
export interface SentenceTokens {
  sentence: Sentence;
  tokens: Token[];
}

export interface GeoparseOptions {
  weights?: GeoparseWeights;
  cues?: Cues;
  /**
   * A name whose chosen place leads its best rival more than 161 km away by less than this
   * (ranking score per mention; data/abstain.json) is not plotted. 0 plots every name.
   */
  abstainMargin?: number;
}

/**
 * The geoparser's stages over one article: recognise names (with the article's own cues:
 * people's names, datelines, one sense per article), then rank each name's candidates
 * against the whole article. Returns, per sentence, the names that are places, in text order.
 *
 * @example
 * geoparse(sentences, text, index)[0].map((n) => n.resolution.place.name) // ["Paris", "Texas"]
 */
export function geoparse(sentences: readonly SentenceTokens[], text: string, index: PlaceIndex, options: GeoparseOptions = {}): GeoparsedName[][] {
  const weights = options.weights ?? getWeights();
  const cues = options.cues ?? getCues();
  const recognised = recogniseArticle(sentences, text, index, cues, weights);
  const flat = recognised.flat();
  const resolutions = rankMentions(flat.map((c, i) => toRank(c, parentsOf(flat, i, text))), weights.ranking, index);
  const stray = strays(resolutions);
  const floor = options.abstainMargin ?? abstain.margin;
  // A coin toss between namesakes ("Arlington", "Henry County" with nothing in the article to
  // tell Virginia's from Texas's): not plotting is more honest than plotting one at random.
  // The analyst's own gazetteer is never second-guessed. A name listed with another place
  // ("Washington and Moscow discuss") stays: its list is read as one (the roles read a list's
  // names together), and dropping one name would change how its neighbours are read.
  resolutions.forEach((r, i) => {
    if (r.margin < floor && r.place.layer !== 'user' && !listed(flat, i, text)) stray.add(r);
  });
  let k = 0;
  return recognised.map((names) => names.map((c) => ({
    first: c.first, last: c.last, start: c.start, end: c.end, text: c.text, candidates: c.candidates,
    score: c.score, resolution: resolutions[k++]!,
  })).filter((_, i, all) => !stray.has(all[i]!.resolution)));
}

/**
 * Coherence: a small town in a country nothing else in the article is in, far from all the
 * article's other places ("Kani township" in a report from Myanmar read as Kani, Japan), is
 * a name the gazetteer lacks the right place for, not a place to plot. Capitals, divisions,
 * countries and cities of 500,000 people are kept: articles do mention far places.
 */
function strays(resolutions: readonly Resolution[]): Set<Resolution> {
  const out = new Set<Resolution>();
  if (resolutions.length < 4) return out;
  // Counted once: a town whose country another mention shares is never a stray, so the
  // distance scan below runs for at most one town per country.
  const perCountry = new Map<string, number>();
  for (const r of resolutions) perCountry.set(r.place.country, (perCountry.get(r.place.country) ?? 0) + 1);
  for (const r of resolutions) {
    const p = r.place;
    if (p.kind !== 'city' || p.layer !== 'broad' || p.population >= 500_000 || p.fcode === 'PPLC' || p.fcode === 'PPLA') continue;
    if (perCountry.get(p.country)! > 1) continue;
    if (!resolutions.some((o) => o !== r && o.place.country !== '' && distanceKm(o.place, p) <= 1500)) out.add(r);
  }
  return out;
}

/** Recognition alone: every sentence's gazetteer names that score as places. */
export function recogniseArticle(sentences: readonly SentenceTokens[], text: string, index: PlaceIndex, cues: Cues, weights: GeoparseWeights): NameCandidate[][] {
  const all = allCandidates(sentences, text, index, cues, weights);
  return all.map((names) => names.filter((c) => c.score > 0));
}

/** Every gazetteer name of every sentence with its features and score (for fitting and scoring). */
export function allCandidates(sentences: readonly SentenceTokens[], text: string, index: PlaceIndex, cues: Cues, weights: GeoparseWeights): NameCandidate[][] {
  const doc = documentCues(sentences.map((s) => s.tokens), text, index, cues);
  const all = sentences.map((s, i) => nameCandidates(s.tokens, text, index, cues, doc, {
    paragraphStart: i === 0 || sentences[i - 1]!.sentence.paragraph !== s.sentence.paragraph,
    articleStart: i === 0,
  }, weights.recognition));
  markRepeats(all.flat(), (c) => c.key, weights.recognition);
  return all;
}

const LIST_JOIN = /^(?:,|,? *(?:and|or|&)) *$/i;

/** A name joined to the name before or after it by a comma, "and" or "or" in one sentence. */
function listed(names: readonly NameCandidate[], i: number, text: string): boolean {
  const joined = (a: NameCandidate | undefined, b: NameCandidate | undefined) => a !== undefined && b !== undefined && a.end <= b.start && LIST_JOIN.test(text.slice(a.end, b.start).trim());
  return joined(names[i - 1], names[i]) || joined(names[i], names[i + 1]);
}

/** "Paris, Texas": the names right after a comma that can contain this one. */
function parentsOf(names: readonly NameCandidate[], i: number, text: string): Place[] {
  const next = names[i + 1];
  if (!next || text.slice(names[i]!.end, next.start).trim() !== ',') return [];
  return next.candidates.filter(canContain);
}

function toRank(c: NameCandidate, parents: readonly Place[]): MentionToRank {
  return { text: c.text, key: c.key, candidates: c.candidates, parents };
}

/**
 * Resolution given the spans (the evaluation's second stage, and an analyst's "this is a
 * place"): each span is looked up in the gazetteer and ranked with the article's other spans
 * as its context. A span the gazetteer does not know resolves to null.
 */
export function resolveSpans(text: string, spans: readonly { start: number; end: number }[], index: PlaceIndex, options: GeoparseOptions = {}): (Resolution | null)[] {
  const weights = options.weights ?? getWeights();
  const known: { at: number; mention: MentionToRank; end: number; start: number }[] = [];
  spans.forEach((s, at) => {
    const written = text.slice(s.start, s.end);
    const key = nameKey(written);
    const candidates = key ? index.names.get(key) ?? index.names.get(key.replace(/^the /, '')) : undefined;
    if (candidates?.length) known.push({ at, start: s.start, end: s.end, mention: { text: written, key, candidates, parents: [] } });
  });
  known.sort((a, b) => a.start - b.start);
  known.forEach((k, i) => {
    const next = known[i + 1];
    if (next && text.slice(k.end, next.start).trim() === ',') {
      k.mention = { ...k.mention, parents: next.mention.candidates.filter(canContain) };
    }
  });
  const resolved = rankMentions(known.map((k) => k.mention), weights.ranking, index);
  const out: (Resolution | null)[] = spans.map(() => null);
  known.forEach((k, i) => { out[k.at] = resolved[i]!; });
  return out;
}
