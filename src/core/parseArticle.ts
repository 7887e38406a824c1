import type { Article } from './article.ts';
import { splitSentences, type Sentence } from './text/sentences.ts';
import { tokenize, type Token } from './text/tokens.ts';
import type { PlaceIndex } from './gazetteer/placeIndex.ts';
import { findPlaceMentions, type PlaceMention } from './geoparse/findPlaceMentions.ts';
import { countryContext, resolveMention } from './geoparse/resolvePlaces.ts';
import { actorOfPlace, classifyRoles } from './geoparse/roles.ts';
import { findActorMentions, type ActorMention } from './events/actors.ts';
import { attackTokens, baseNounRanges } from './events/triggers.ts';
import { clauseIds } from './events/clauses.ts';
import { findDates, resolveAnaphor, type ResolvedDate } from './events/dates.ts';
import { parsePublished } from './events/published.ts';
import { getLexicon, type Lexicon } from './events/lexicon.ts';
import { extractEvents } from './events/extractEvents.ts';
import type { AnalysedSentence, ArticleEvent, ResolvedMention } from './events/types.ts';
import { toFeatureCollection } from './geojson/toFeatureCollection.ts';
import type { NewsmapCollection } from './geojson/schema.ts';

export interface ParseResult {
  collection: NewsmapCollection;
  sentences: AnalysedSentence[];
  events: ArticleEvent[];
}

/**
 * The whole pipeline for one article: sentences → mentions → resolved places → events →
 * GeoJSON features. Pure: no I/O, the same in Node, a worker and tests.
 *
 * @example
 * parseArticle({ id: 'a', title: 'T', published: '2024-04-21', text }, index).collection
 */
export function parseArticle(article: Article, index: PlaceIndex, lex: Lexicon = getLexicon()): ParseResult {
  const anchor = parsePublished(article.published);
  const text = article.text;
  const raw: { sentence: Sentence; tokens: Token[]; actors: ActorMention[]; places: PlaceMention[] }[] = [];
  // Mentions and actor countries of the whole article, in text order: the tie-breaker context.
  const allMentions: PlaceMention[] = [];
  const actorCountries: string[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence.text, sentence.start);
    const actors = findActorMentions(tokens, text, lex);
    let places = findPlaceMentions(tokens, text, index, lex);
    if (places.length && actors.length) places = places.filter((p) => !insideLongerActorName(p, actors));
    raw.push({ sentence, tokens, actors, places });
    for (const p of places) allMentions.push(p);
    for (const a of actors) if (a.actor.country) actorCountries.push(a.actor.country);
  }
  const context = countryContext(allMentions, actorCountries);

  let runningDate: ResolvedDate | null = null;
  const sentences: AnalysedSentence[] = raw.map(({ sentence, tokens, actors, places }) => {
    const attack = attackTokens(tokens, text, lex);
    const { locations, sentenceActors } = places.length
      ? resolveSentencePlaces(sentence, tokens, text, places, actors, attack, context, lex)
      // Without places, nothing is resolved and the actors stay as found (already in text order).
      : { locations: [], sentenceActors: actors };
    // findDates returns fresh mentions: anaphors are resolved in place against the running date.
    const dates = findDates(sentence.text, sentence.start, anchor);
    for (const d of dates) {
      const value = d.anaphor ? resolveAnaphor(d.anaphor, runningDate) : d.value;
      if (value) runningDate = value;
      d.value = value;
    }
    return {
      sentence, tokens, clause: clauseIds(tokens, text, lex), attack,
      places: locations,
      actors: sentenceActors,
      dates, baseNouns: baseNounRanges(tokens, text, lex),
    };
  });

  const events = extractEvents(sentences, index, lex, anchor);
  const sentenceOf = (offset: number) => sentenceAt(sentences, offset)?.sentence.text ?? '';
  return { collection: toFeatureCollection(article, events, sentenceOf), sentences, events };
}

/** Resolves a sentence's place mentions, classifies their roles, and adds metonyms to its actors. */
function resolveSentencePlaces(
  sentence: Sentence, tokens: Token[], text: string, places: PlaceMention[], actors: ActorMention[], attack: boolean[],
  context: ReturnType<typeof countryContext>, lex: Lexicon,
): { locations: ResolvedMention[]; sentenceActors: ActorMention[] } {
  const resolutions = places.map((p, k) => resolveMention(p, context, appositionCountry(places, k, tokens, text)));
  const roles = classifyRoles(tokens, text, places.map((p, k) => ({ first: p.first, last: p.last, place: resolutions[k]!.place })), lex, (i) => attack[i] ?? false);
  const resolved: ResolvedMention[] = places.map((p, k) => ({
    sentence: sentence.index, first: p.first, last: p.last, start: p.start, end: p.end, text: p.text,
    place: resolutions[k]!.place, confidence: resolutions[k]!.confidence, alternatives: resolutions[k]!.alternatives, role: roles[k]!,
  }));
  const metonyms: ActorMention[] = resolved.filter((m) => m.role === 'actor').map((m) => ({ first: m.first, last: m.last, actor: actorOfPlace(m.place, lex)!, demonym: false, metonym: true }));
  return {
    locations: resolved.filter((m) => m.role === 'location'),
    // A country named as a location ("into Israel") is not also an actor of the sentence.
    sentenceActors: [...actors.filter((a) => !resolved.some((m) => m.first <= a.last && a.first <= m.last)), ...metonyms].sort((a, b) => a.first - b.first),
  };
}

/** The sentence containing `offset`, by binary search (sentences are in text order). */
function sentenceAt(sentences: readonly AnalysedSentence[], offset: number): AnalysedSentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!.sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return sentences[mid];
  }
  return undefined;
}

/** "Islamic Resistance in Iraq", "Liberation of Palestine": a place inside an actor's name is not a place. */
function insideLongerActorName(p: PlaceMention, actors: readonly ActorMention[]): boolean {
  return actors.some((a) => a.first <= p.first && a.last >= p.last && a.last - a.first > p.last - p.first);
}

/** "Tripoli, Lebanon": the country named right after a mention, if any. */
function appositionCountry(places: readonly PlaceMention[], k: number, tokens: readonly { start: number; end: number }[], text: string): string | undefined {
  const here = places[k]!;
  const next = places[k + 1];
  if (!next || next.first !== here.last + 1) return undefined;
  if (text.slice(tokens[here.last]!.end, tokens[next.first]!.start).trim() !== ',') return undefined;
  const countries = next.candidates.filter((c) => c.kind === 'country' || c.kind === 'province').map((c) => c.country);
  return countries[0];
}
