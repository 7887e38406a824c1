import * as chrono from 'chrono-node';
import type { Anchor } from './published.ts';
import type { DatePrecision } from '../geojson/schema.ts';
import { isWhitespace } from '../text/whitespace.ts';
import { speaksOfFuture } from './tense.ts';

/** A resolved date: the first day of the period, and how long that period is. */
export interface ResolvedDate {
  date: string;
  precision: DatePrecision;
}

/**
 * A date expression found in a sentence. `value` is resolved against the publication date;
 * `anaphor` marks expressions that point back at an earlier date ("the same week",
 * "two days later") and are resolved against the article's previous date instead.
 */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: ResolvedDate | null;
  anaphor?: { unit: Unit; amount: number } | { same: DatePrecision };
  /** Events after this expression are dated by it ("three months after Iran and Pakistan were ..."). */
  governsFollowing?: boolean;
}

type Unit = 'day' | 'week' | 'month' | 'year';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: 3, 'a few': 3, few: 3,
};

const RELATIVE = /\b(a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d{1,3})\s+(day|week|month|year)s?\s+(ago|after|later|before|earlier)\b/gi;
const PERIOD = /\b(?:(early|earlier|late|later|mid|in the middle of|at the end of|the end of|at the beginning of|the beginning of|the start of|at the start of)\s+)?(this|last|next|the previous|the past|the following|the same|that)\s+(day|week|month|year|weekend)\b/gi;
// "overnight" and "in the past 24 hours" are the night and day just before the article's clock
// (its dateline, else its publication): wire copy dates them to the day of the report.
const DEICTIC = /\b(today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow|overnight|(?:in|over|during) the (?:past|last) 24 hours)\b/gi;
// Month and day names are capitalised in English; the hint skips chrono on sentences without one.
const CHRONO_HINT = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:19|20)\d{2}\b/;
const CHRONO_HINT_ALL = new RegExp(CHRONO_HINT.source, 'g');
// "in 2019", "during 2014": a bare year after a preposition of time (chrono leaves it alone).
const YEAR = /\b(?:in|during|throughout)\s+((?:19|20)\d{2})\b(?![-\u2013/]|\s*(?:people|persons|troops|soldiers|fighters|civilians)\b)/gi;

/**
 * Finds the date expressions of one sentence and resolves them against the publication date.
 * Past-tense expressions never resolve after the publication date; expressions that cannot be
 * pinned down at the anchor's precision come out coarser or null, never as an invented day.
 *
 * @example
 * findDates('Israel struck on Friday.', 0, parsePublished('2024-04-21'))[0].value
 * // { date: '2024-04-19', precision: 'day' }
 */
export function findDates(sentence: string, base: number, anchor: Anchor): DateMention[] {
  const found: Found = { sentence, base, out: [], taken: [] };
  const out = found.out;

  // exec loops rather than matchAll: matchAll clones the regex on every call, for every sentence.
  RELATIVE.lastIndex = 0;
  for (let m; (m = RELATIVE.exec(sentence));) {
    const start = m.index;
    const amount = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    const unit = m[2]!.toLowerCase() as Unit;
    const dir = m[3]!.toLowerCase();
    const before = sentence.slice(Math.max(0, start - 30), start);
    if (dir === 'ago' || (dir === 'after' && /\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|nearly\s+|almost\s+|some\s+)?$/i.test(before))) {
      // "three months ago" and "it comes three months after X": X lies that long before publication.
      add(found, start, start + m[0].length, { value: shift(anchor, unit, -amount), governsFollowing: dir === 'after' });
    } else if (dir === 'after' || dir === 'before') {
      // "on Tuesday, a day after the group struck ...": what follows happened a day before the
      // date just given; resolved below against the sentence's preceding date.
      add(found, start, start + m[0].length, { value: null, governsFollowing: true, anaphor: { unit, amount: dir === 'after' ? -amount : amount } });
    } else {
      add(found, start, start + m[0].length, { value: null, anaphor: { unit, amount: dir === 'later' ? amount : -amount } });
    }
  }

  PERIOD.lastIndex = 0;
  for (let m; (m = PERIOD.exec(sentence));) {
    const start = m.index;
    const which = m[2]!.toLowerCase();
    const unit = (m[3]!.toLowerCase() === 'weekend' ? 'week' : m[3]!.toLowerCase()) as Unit;
    if (which === 'the same' || which === 'that') {
      add(found, start, start + m[0].length, { value: null, anaphor: { same: unit } });
      continue;
    }
    if (which === 'the previous' || which === 'the following') {
      add(found, start, start + m[0].length, { value: null, anaphor: { unit, amount: which === 'the previous' ? -1 : 1 } });
      continue;
    }
    const offset = which === 'this' ? 0 : which === 'next' ? 1 : -1;
    if (unit === 'day') continue;
    add(found, start, start + m[0].length, { value: periodOf(anchor, unit, offset) });
  }

  DEICTIC.lastIndex = 0;
  for (let m; (m = DEICTIC.exec(sentence));) {
    const start = m.index;
    const word = m[1]!.toLowerCase();
    const offset = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    add(found, start, start + m[0].length, { value: shift(anchor, 'day', offset) });
  }

  // chrono runs dozens of patterns over its input: give it only windows around the hints.
  for (const [from, to] of hintWindows(sentence)) {
    const window = sentence.slice(from, to);
    for (const r of chrono.parse(window, { instant: anchorInstant(anchor), timezone: 0 })) {
      const index = from + r.index;
      const value = fromChrono(r, anchor, speaksOfFuture(clauseBefore(sentence, index)));
      if (value === undefined) continue;
      add(found, index, index + r.text.length, { value });
    }
  }
  YEAR.lastIndex = 0;
  for (let m; (m = YEAR.exec(sentence));) {
    const year = Number(m[1]);
    // A past year only: "in 2026" of an article of 2024 is a plan, left to the clauses' tense.
    if (year > anchor.year) continue;
    const start = m.index + m[0].length - m[1]!.length;
    add(found, start, start + 4, { value: { date: `${m[1]}-01-01`, precision: 'year' } });
  }
  out.sort((a, b) => a.start - b.start);
  // "a day after" / "two weeks before" count from the sentence's preceding date, not the article's.
  out.forEach((d, i) => {
    if (!d.governsFollowing || d.value || !d.anaphor || 'same' in d.anaphor) return;
    const previous = out.slice(0, i).reverse().find((p) => p.value)?.value ?? null;
    d.value = resolveAnaphor(d.anaphor, previous);
    delete d.anaphor;
  });
  return out;
}

/** The date mentions of one sentence so far, and the spans they take. */
interface Found {
  sentence: string;
  base: number;
  out: DateMention[];
  taken: [number, number][];
}

/** Adds a mention unless it overlaps one found before (the patterns run in order of trust). */
function add(found: Found, start: number, end: number, mention: Omit<DateMention, 'start' | 'end' | 'text'>): void {
  if (found.taken.some(([s, e]) => start < e && end > s)) return;
  found.taken.push([start, end]);
  found.out.push({ start: found.base + start, end: found.base + end, text: found.sentence.slice(start, end), ...mention });
}

/** Merged [from, to) windows of the sentence around each date hint, cut at word boundaries. */
function hintWindows(sentence: string): [number, number][] {
  const windows: [number, number][] = [];
  CHRONO_HINT_ALL.lastIndex = 0;
  for (let m; (m = CHRONO_HINT_ALL.exec(sentence));) {
    let from = Math.max(0, m.index - 24);
    let to = Math.min(sentence.length, m.index + m[0].length + 24);
    while (from > 0 && !isWhitespace(sentence.charCodeAt(from - 1))) from--;
    while (to < sentence.length && !isWhitespace(sentence.charCodeAt(to))) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/** Resolves an anaphoric expression against the article's previous date. */
export function resolveAnaphor(anaphor: NonNullable<DateMention['anaphor']>, previous: ResolvedDate | null): ResolvedDate | null {
  if (!previous) return null;
  if ('same' in anaphor) return previous;
  const { unit, amount } = anaphor;
  const [y, m, d] = previous.date.split('-').map(Number) as [number, number, number];
  // Shifting a month-precise date by days cannot give a day: keep the coarser precision.
  const precision = rank(previous.precision) > rank(unit) ? previous.precision : unit;
  const shifted = addUnits(new Date(Date.UTC(y, m - 1, d)), unit, amount);
  return truncate(shifted, precision);
}

/** True when date `a` (with its precision) may be the same as `b`: one period holds the other. */
export function compatibleDates(a: ResolvedDate | null, b: ResolvedDate | null): boolean {
  if (!a || !b) return true;
  const [lo, hi] = rank(a.precision) >= rank(b.precision) ? [b, a] : [a, b];
  const [start, end] = periodBounds(hi);
  return lo.date >= start && lo.date <= end;
}

/** Ordering of precisions: day (0) is the finest. */
export function rank(p: DatePrecision): number {
  return p === 'day' ? 0 : p === 'week' ? 1 : p === 'month' ? 2 : 3;
}

/** First and last day (inclusive) of a resolved date's period. */
export function periodBounds(d: ResolvedDate): [string, string] {
  const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1, day));
  const end = addUnits(start, d.precision, 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return [d.date, iso(end)];
}

/** The last day of the anchor's period: nothing in the past tense happens after it. */
export function anchorEnd(anchor: Anchor): string {
  // Asked for every dated event and chrono result of an article: computed once per anchor.
  let end = anchorEnds.get(anchor);
  if (end === undefined) anchorEnds.set(anchor, (end = periodBounds(anchorDate(anchor))[1]));
  return end;
}

const anchorEnds = new WeakMap<Anchor, string>();

export function anchorDate(anchor: Anchor): ResolvedDate {
  return { date: iso(new Date(Date.UTC(anchor.year, (anchor.month ?? 1) - 1, anchor.day ?? 1))), precision: anchor.precision };
}

function anchorInstant(anchor: Anchor): Date {
  return new Date(Date.UTC(anchor.year, (anchor.month ?? 7) - 1, anchor.day ?? 1, 12));
}

function clauseBefore(sentence: string, index: number): string {
  const before = sentence.slice(0, index);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(','), lastThat(before));
  return cut >= 0 ? before.slice(cut) : before;
}

/**
 * Where `/\bthat\b(?!.*\bthat\b)/` matches in `text`, or -1: the last whole word "that" of its
 * line. A word scan rather than the regex, whose look-ahead rescans the rest of the text at
 * every "that" (asked for every date chrono finds).
 */
function lastThat(text: string): number {
  let previous = -1;
  for (let i = text.indexOf('that'); i >= 0; i = text.indexOf('that', i + 1)) {
    if ((i > 0 && isWordChar(text.charCodeAt(i - 1))) || (i + 4 < text.length && isWordChar(text.charCodeAt(i + 4)))) continue;
    // `.` stops at a line break: a "that" on an earlier line does not see this one.
    if (previous >= 0 && hasLineTerminator(text, previous + 4, i)) return previous;
    previous = i;
  }
  return previous;
}

/** A character of `\w` (ASCII letters, digits, underscore), what `\b` tests against. */
function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** text[from, to) holds a character `.` does not match (\n \r U+2028 U+2029). */
function hasLineTerminator(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

type ChronoResult = ReturnType<typeof chrono.parse>[number];

/** Converts a chrono result into a date at the precision the text supports; undefined = not a date. */
function fromChrono(r: ChronoResult, anchor: Anchor, future: boolean): ResolvedDate | null | undefined {
  const c = r.start;
  const certainYear = c.isCertain('year');
  const certainMonth = c.isCertain('month');
  const certainDay = c.isCertain('day');
  const month = c.get('month') ?? 1;
  const day = c.get('day') ?? 1;
  if (certainDay || certainMonth) {
    if (!certainMonth && !certainYear) return undefined;
    let year = certainYear ? c.get('year')! : anchor.year;
    if (!certainYear && anchor.month !== null) {
      const candidate = `${year}-${pad(month)}-${pad(certainDay ? day : 1)}`;
      const anchorStart = anchorDate(anchor).date;
      if (!future && candidate > anchorEnd(anchor)) year -= 1;
      if (future && candidate < anchorStart && (certainDay ? candidate : candidate.slice(0, 7)) < anchorStart.slice(0, certainDay ? 10 : 7)) year += 1;
    }
    return certainDay
      ? { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' }
      : { date: `${year}-${pad(month)}-01`, precision: 'month' };
  }
  if (c.isCertain('weekday')) {
    if (anchor.precision !== 'day') return null;
    const weekday = c.get('weekday')!;
    const a = new Date(Date.UTC(anchor.year, anchor.month! - 1, anchor.day!));
    let delta = weekday - a.getUTCDay();
    // Past tense: the latest such weekday up to publication day ("on Sunday" in Sunday's paper is today).
    if (future) { if (delta <= 0) delta += 7; } else if (delta > 0) delta -= 7;
    a.setUTCDate(a.getUTCDate() + delta);
    return { date: iso(a), precision: 'day' };
  }
  if (certainYear) return { date: `${c.get('year')}-01-01`, precision: 'year' };
  return undefined;
}

/** The anchor shifted by `amount` units, at the coarser of the unit and the anchor's precision. */
function shift(anchor: Anchor, unit: Unit, amount: number): ResolvedDate | null {
  const a = anchorDate(anchor);
  // "two days ago" in an article known only to its year cannot be pinned down; only "this"
  // period at the anchor's own precision can.
  if (rank(anchor.precision) > rank(unit)) return amount === 0 ? a : null;
  const [y, m, d] = a.date.split('-').map(Number) as [number, number, number];
  return truncate(addUnits(new Date(Date.UTC(y, m - 1, d)), unit, amount), unit);
}

/** This / last / next week, month or year relative to the anchor. */
function periodOf(anchor: Anchor, unit: Unit, offset: number): ResolvedDate | null {
  if (rank(anchor.precision) > rank(unit)) return offset === 0 && unit === 'year' ? anchorDate({ ...anchor, precision: 'year' }) : null;
  return shift(anchor, unit, offset);
}

function addUnits(date: Date, unit: Unit | DatePrecision, amount: number): Date {
  const d = new Date(date.getTime());
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + amount);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * amount);
  else if (unit === 'month') { d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() + amount); }
  else { d.setUTCMonth(0, 1); d.setUTCFullYear(d.getUTCFullYear() + amount); }
  return d;
}

/** The first day of the period of `precision` containing `date` (weeks start on Monday). */
function truncate(date: Date, precision: DatePrecision): ResolvedDate {
  const d = new Date(date.getTime());
  if (precision === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (precision === 'month') d.setUTCDate(1);
  if (precision === 'year') d.setUTCMonth(0, 1);
  return { date: iso(d), precision };
}

/** YYYY-MM-DD of a UTC date, as toISOString() gives it; built from the fields, which is several times faster. */
function iso(d: Date): string {
  const year = d.getUTCFullYear();
  // Outside 0000–9999 (or an invalid date) toISOString has its own form or throws: leave it to it.
  if (!(year >= 0 && year <= 9999)) return d.toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
