import { scanPhrases, type PhraseTable } from '../text/phraseTable.ts';
import { normalizeToken } from '../text/normalize.ts';
import { continuesSubject } from './clauses.ts';
import { DATELINE_REACH, findDateline } from './dateline.ts';
import { anchorDate, anchorEnd, periodBounds, rank, type ResolvedDate } from './dates.ts';
import type { Lexicon } from './lexicon.ts';
import type { Anchor } from './published.ts';
import { sentenceView } from './sentenceView.ts';
import { speaksOfFuture } from './tense.ts';
import type { AnalysedSentence, ResolvedMention } from './types.ts';

/**
 * The date of an event, from the article's own clock (issue 11): the rules of README "Dates",
 * apart from extractEvents.ts. The words they read are lexicon.json's (speechVerbs,
 * announcementGap, precedingMarkers); the clock is the anchor (a dateline's day, else the
 * publication date, see dateline.ts).
 */

/**
 * "MOSCOW, Feb 24 (Reuters) -": the dateline's day is the article's clock (the anchor every
 * weekday counts from, see dateline.ts), not the date of the events in its first sentence.
 * The sentence holding it is replaced by a copy without that date; the others are kept as they are.
 */
export function withoutDatelineDate(sentences: readonly AnalysedSentence[]): readonly AnalysedSentence[] {
  for (const [k, s] of sentences.entries()) {
    // A dateline opens the body: past its first lines, none is looked for.
    if (s.sentence.start >= DATELINE_REACH) break;
    const line = findDateline(s.sentence.text);
    if (!line) continue;
    const [from, to] = [s.sentence.start + line.start, s.sentence.start + line.end];
    const dates = s.dates.filter((d) => d.end <= from || d.start >= to);
    if (dates.length === s.dates.length) return sentences;
    const copy = [...sentences];
    copy[k] = { ...s, dates };
    return copy;
  }
  return sentences;
}

/**
 * The date of the event at token `t`: a date in its clause (nearest), not the day something
 * was said there ("police said on Saturday"); else none at all when the clause tells of an
 * earlier attack ("in retaliation for a rocket attack on ..."); else a sentence-initial date
 * ("On January 8, ..."), else a date governing what follows ("three months after ..."), else
 * another date of the sentence at no better than month precision, else the previous
 * sentence's explicit date. Past events never fall after the article's clock.
 */
export function eventDate(sentences: readonly AnalysedSentence[], si: number, t: number, anchor: Anchor, lex: Lexicon): ResolvedDate | null {
  const s = sentences[si]!;
  const picked = pickDate(s, t, lex);
  // undefined: the sentence does not date the event, the previous one may; null: undated on purpose.
  const value = picked === undefined ? inherited(sentences, si) : picked;
  if (!value) return null;
  return value.date > anchorEnd(anchor) && !futureClause(s, t) ? null : value;
}

function pickDate(s: AnalysedSentence, t: number, lex: Lexicon): ResolvedDate | null | undefined {
  const dated = s.dates.filter((d) => d.value);
  if (!dated.length) return precedesMainClause(s, t, lex) ? null : undefined;
  const withToken = dated.map((d) => {
    const i = tokenAt(s, d.start);
    return { d, i: i < 0 ? s.tokens.length - 1 : i };
  });
  const byDistance = (a: { i: number }, b: { i: number }) => Math.abs(a.i - t) - Math.abs(b.i - t);
  // "police said on Saturday": the day of the announcement is not the day of the event.
  const own = withToken.filter((x) => s.clause[x.i] === s.clause[t] && !announces(s, x.i, lex));
  if (own.length) return own.sort(byDistance)[0]!.d.value;
  // "..., hours after the militant group fired rockets": within hours of the main clause, its day.
  if (opensWith(s, t, lex.sameDayMarkers)) {
    // "overnight" spans two days: hours before it may be the day before.
    const main = withToken.filter((x) => s.clause[x.i]! < s.clause[t]! && !announces(s, x.i, lex)).sort(byDistance)[0];
    if (main && main.d.value!.precision === 'day' && !lex.spanningDays.has(normalizeToken(main.d.text))) return main.d.value;
  }
  // "in retaliation for a rocket attack ...": that attack came before the main clause's date.
  if (precedesMainClause(s, t, lex)) return null;
  // "an air strike on Friday that hit ...": a relative clause shares its antecedent's date;
  // "said on Tuesday that they fired ..." (a reported clause) does not.
  if (continuesSubject(s, t, lex) === 'relative') {
    const antecedent = withToken.filter((x) => s.clause[x.i] === s.clause[t]! - 1);
    if (antecedent.length) return antecedent.sort(byDistance)[0]!.d.value;
  }
  const initial = withToken.find((x) => x.i <= 3 && !announces(s, x.i, lex) && /,/.test(s.sentence.text.slice(x.d.end - s.sentence.start, x.d.end - s.sentence.start + 2)));
  if (initial) return initial.d.value;
  const governing = withToken.find((x) => x.d.governsFollowing && x.i < t);
  if (governing) return governing.d.value;
  // A date of a later clause ("near Kupiansk, where fighting has intensified since ... last
  // month") tells of that clause, not of the attack before it.
  const earlier = withToken.filter((x) => s.clause[x.i]! <= s.clause[t]!);
  if (!earlier.length) return null;
  const nearest = earlier.sort(byDistance)[0]!.d.value!;
  return rank(nearest.precision) < rank('month') ? { date: `${nearest.date.slice(0, 7)}-01`, precision: 'month' } : nearest;
}

/** The date at token `i` is the day something was said: "police said on Saturday". */
function announces(s: AnalysedSentence, i: number, lex: Lexicon): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const norm = s.tokens[k]!.norm;
    if (lex.speechVerbs.has(norm)) return true;
    if (!lex.announcementGap.has(norm)) return false;
  }
  return false;
}

/** The attack's clause opens with "in retaliation for", "in response to": its event came before the main clause's. */
function precedesMainClause(s: AnalysedSentence, t: number, lex: Lexicon): boolean {
  return opensWith(s, t, lex.precedingMarkers);
}

/** The attack's clause (not the sentence's first) opens with one of the phrases. */
function opensWith(s: AnalysedSentence, t: number, table: PhraseTable<true>): boolean {
  const start = s.clause.indexOf(s.clause[t]!);
  if (start <= 0) return false;
  const { tokens, text } = sentenceView(s);
  return scanPhrases(tokens, text, table).some((m) => m.first === start);
}

/** The previous sentence's date carries over to a sentence without one ("Pakistan responded ..."). */
function inherited(sentences: readonly AnalysedSentence[], si: number): ResolvedDate | null {
  const prev = sentences[si - 1];
  if (!prev) return null;
  // The main clause usually comes first: "on Tuesday, a day after ..." carries Tuesday.
  return prev.dates.find((d) => d.value)?.value ?? null;
}

function futureClause(s: AnalysedSentence, t: number): boolean {
  const clause = s.clause[t];
  const first = s.clause.indexOf(clause!);
  const last = s.clause.lastIndexOf(clause!);
  const offset = s.sentence.start;
  return speaksOfFuture(s.sentence.text.slice(s.tokens[first]!.start - offset, s.tokens[last]!.end - offset));
}

/** A place's own date: only a date in its clause. */
export function placeDate(s: AnalysedSentence, m: ResolvedMention): ResolvedDate | null {
  const dated = s.dates.filter((d) => d.value);
  for (const d of dated) {
    const i = tokenAt(s, d.start);
    if (i >= 0 && s.clause[i] === s.clause[m.first]) return d.value;
  }
  return null;
}

/** The index of the first token at or after a text offset (a date's first word), or -1; tokens are in text order. */
function tokenAt(s: AnalysedSentence, offset: number): number {
  const tokens = s.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length ? lo : -1;
}

const staleBefore = new WeakMap<Anchor, string>();

/**
 * The attack lies long before the article's clock: its date's period ends more than
 * `background.maxAgeDays` before the anchor's first day, or it is a year-precision date of an
 * earlier year ("last year"). When the attack has no date of its own, every dated expression of
 * its sentence must be that old ("most recently in 2019, when ... a car bomb killed").
 */
export function tellsOfThePast(s: AnalysedSentence, date: ResolvedDate | null, anchor: Anchor, lex: Lexicon): boolean {
  let limit = staleBefore.get(anchor);
  if (limit === undefined) {
    const start = new Date(`${anchorDate(anchor).date}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - lex.background.maxAgeDays);
    staleBefore.set(anchor, (limit = start.toISOString().slice(0, 10)));
  }
  const stale = (d: ResolvedDate) => periodBounds(d)[1] < limit || (d.precision === 'year' && Number(d.date.slice(0, 4)) < anchor.year);
  if (date) return stale(date);
  const dated = s.dates.filter((d) => d.value);
  return dated.length > 0 && dated.every((d) => stale(d.value!));
}
