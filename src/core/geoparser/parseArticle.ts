import type { Article } from './article.ts';
import { splitSentences, type Sentence } from './text/sentences.ts';
import { tokenize, type Token } from './text/tokens.ts';
import type { PlaceIndex } from './gazetteer/placeIndex.ts';
import { geoparse, type GeoparsedName } from './geoparse/geoparse.ts';
import { classifyRoles } from './roles/roles.ts';
import { actorOfPlace } from './roles/metonyms.ts';
import { findActorMentions, type ActorMention } from './events/actors.ts';
import { attackTokens, baseNounRanges } from './events/triggers.ts';
import { clauseIds } from './events/clauses.ts';
import { findDates, resolveAnaphor, type ResolvedDate } from './events/dates.ts';
import { parsePublished } from './events/published.ts';
import { articleAnchor } from './events/dateline.ts';
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
  // The article's own clock: a wire dateline's day ("MOSCOW, Feb 24 (Reuters) -") refines `published`.
  const anchor = articleAnchor(article.text, parsePublished(article.published));
  const text = article.text;
  const tokenised = splitSentences(text).map((sentence) => ({ sentence, tokens: tokenize(sentence.text, sentence.start) }));
  const names = geoparse(tokenised, text, index);
  const raw = tokenised.map(({ sentence, tokens }, i) => {
    const actors = findActorMentions(tokens, text, lex);
    let places = names[i]!;
    if (places.length && actors.length) places = places.filter((p) => !insideLongerActorName(p, actors));
    return { sentence, tokens, actors, places };
  });

  let runningDate: ResolvedDate | null = null;
  const sentences: AnalysedSentence[] = raw.map(({ sentence, tokens, actors, places }) => {
    const attack = attackTokens(tokens, text, lex);
    const { locations, sentenceActors } = places.length
      ? resolveSentencePlaces(sentence, tokens, text, places, actors, attack, lex)
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

/** Classifies the roles of a sentence's resolved places, and adds metonyms to its actors. */
function resolveSentencePlaces(
  sentence: Sentence, tokens: Token[], text: string, places: GeoparsedName[], actors: ActorMention[], attack: boolean[], lex: Lexicon,
): { locations: ResolvedMention[]; sentenceActors: ActorMention[] } {
  const resolutions = places.map((p) => p.resolution);
  const roles = classifyRoles(tokens, text, places.map((p, k) => ({ first: p.first, last: p.last, place: resolutions[k]!.place, candidates: p.candidates })), lex, (i) => attack[i] ?? false, sentence.index);
  const resolved: ResolvedMention[] = places.map((p, k) => ({
    sentence: sentence.index, first: p.first, last: p.last, start: p.start, end: p.end, text: p.text,
    place: roles[k]!.place, confidence: resolutions[k]!.confidence, alternatives: resolutions[k]!.alternatives, role: roles[k]!.role,
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
function insideLongerActorName(p: GeoparsedName, actors: readonly ActorMention[]): boolean {
  return actors.some((a) => a.first <= p.first && a.last >= p.last && a.last - a.first > p.last - p.first);
}
