import data from './eventTypes.json' with { type: 'json' };
import { normalizeToken } from '../text/normalize.ts';
import type { Token } from '../text/tokens.ts';

/** A death count the text gives, and where: the token of the count's number. */
export interface FatalityMention {
  count: number;
  /** Token index of the number (the first word of it). */
  at: number;
}

/** The compiled word lists of eventTypes.json's `fatalities`. */
export interface FatalityWords {
  death: Set<string>;
  toll: Set<string>;
  notDeath: Set<string>;
  quantifiers: Set<string>;
  numbers: Map<string, number>;
  people: Set<string>;
  /** Verbs whose object is the dead: "killing at least 32 people", "killed 14 villagers". */
  kill: Set<string>;
  /** Words that may stand between a count and its death word: "were", "have been", "reportedly", "shot". */
  links: Set<string>;
}

const words = (list: readonly string[]) => new Set(list.map((w) => normalizeToken(w)));

export function compileFatalityWords(source: typeof data.fatalities = data.fatalities): FatalityWords {
  return {
    death: words(source.deathWords),
    toll: words(source.tollWords),
    notDeath: words(source.notDeathWords),
    quantifiers: words(source.quantifiers),
    numbers: new Map(Object.entries(source.numberWords).map(([w, n]) => [normalizeToken(w), n])),
    people: words(source.peopleWords),
    kill: words(source.killVerbs),
    links: words(source.links),
  };
}

let compiled: FatalityWords | undefined;
export function getFatalityWords(): FatalityWords {
  return (compiled ??= compileFatalityWords());
}

/** "a" and "an" count only before a person ("killed a senior commander"), never "a day". */
const WEAK = new Set(['a', 'an']);
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\.?$/;
const DOZEN = normalizeToken('dozen');
const HUNDRED = normalizeToken('hundred');
/** Longest run of words between a count and its death word (people words, names). */
const RUN = 5;

interface NumberAt {
  value: number;
  /** Index of the number's last token. */
  last: number;
}

/**
 * The number at token i: digits (with thousands separators: "31,000" is three tokens), a
 * number word, "twenty-five", "a dozen", "two dozen". Vague amounts ("dozens", "hundreds")
 * are not numbers.
 */
function numberAt(tokens: readonly Token[], text: string, i: number, w: FatalityWords): NumberAt | null {
  const t = tokens[i]!;
  if (/^\d{1,3}$/.test(t.raw) || /^\d+$/.test(t.raw)) {
    let digits = t.raw;
    let last = i;
    // "31,000": a comma directly between groups of three digits.
    while (/^\d{3}$/.test(tokens[last + 1]?.raw ?? '') && text.slice(tokens[last]!.end, tokens[last + 1]!.start) === ',') digits += tokens[++last]!.raw;
    return { value: Number(digits), last };
  }
  const n = w.numbers.get(t.norm);
  // "hundred" and "dozen" alone are parts of amounts ("a dozen", "two hundred"), not amounts.
  if (n === undefined || t.norm === HUNDRED || t.norm === DOZEN) return null;
  const next = tokens[i + 1];
  if (next && next.norm === DOZEN) return { value: n * 12, last: i + 1 };
  if (next && next.norm === HUNDRED && !WEAK.has(t.norm)) return { value: n * 100, last: i + 1 };
  const units = next ? w.numbers.get(next.norm) : undefined;
  // "twenty-five", "twenty five"
  if (n >= 20 && n % 10 === 0 && units !== undefined && units < 10 && !WEAK.has(next!.norm)) return { value: n + units, last: i + 1 };
  return { value: n, last: i };
}

/** Skips a run of people words and names after a count; returns the index after it and whether a person was named. */
function skipPeople(tokens: readonly Token[], text: string, from: number, w: FatalityWords): { next: number; person: boolean } {
  let k = from;
  let person = false;
  // The run is one noun phrase: it stops at a comma, a bracket or a dash ("Oct 12 (Xinhua) -- Six policemen").
  while (k < tokens.length && k - from < RUN && /^[\s'’-]*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) {
    const t = tokens[k]!;
    if (w.people.has(t.norm)) person = true;
    // "23 patients and medical workers were killed": one group of the dead; "five soldiers and two civilians" is two counts.
    else if (t.norm === 'and' && person && tokens[k + 1] && w.people.has(tokens[k + 1]!.norm) && !w.numbers.has(tokens[k + 1]!.norm)) { k++; continue; }
    // Names of the dead's side stand between too: "two al-Shabaab fighters", "a senior Kataib Hezbollah commander".
    else if (!(t.capitalized && !/^\d/.test(t.raw)) && !t.possessive && !t.article) break;
    k++;
  }
  return { next: k, person };
}

/**
 * The death counts of one sentence: "two soldiers were killed", "at least nine people dead",
 * "killing at least 32 people", "the death toll rose to 15". A count followed by "wounded",
 * "injured" or "missing" is not a death count.
 *
 * `tokens` and `text` must agree on offsets (tokens of `text`).
 *
 * @example
 * findFatalities(tokenize('killing at least 32 people'), text) // [{ count: 32, at: 3 }]
 */
export function findFatalities(tokens: readonly Token[], text: string, w: FatalityWords = getFatalityWords()): FatalityMention[] {
  const out: FatalityMention[] = [];
  const push = (count: number, at: number) => out.push({ count, at });
  for (let i = 0; i < tokens.length; i++) {
    const num = numberAt(tokens, text, i, w);
    if (!num) continue;
    const start = i;
    // The number's other tokens ("000" of "31,000", "five" of "twenty-five") are not counts of their own.
    i = num.last;
    const weak = WEAK.has(tokens[start]!.norm) && num.last === start;
    // "Oct 12", "24 February": a day of the month is no count.
    if (MONTH.test(tokens[start - 1]?.raw ?? '') || MONTH.test(tokens[num.last + 1]?.raw ?? '')) continue;
    const { next, person } = skipPeople(tokens, text, num.last + 1, w);
    if (weak && !person) continue;
    // A count followed by its death word: "two soldiers were killed", "nine people dead".
    let k = next;
    while (k < tokens.length && k - next < 4 && w.links.has(tokens[k]!.norm)) k++;
    const after = tokens[k];
    if (after && w.death.has(after.norm) && !w.notDeath.has(tokens[next]?.norm ?? '')) {
      push(num.value, start);
      continue;
    }
    // A count after a killing verb: "killing at least 32 people", "killed a senior commander".
    let j = start - 1;
    while (j >= 0 && start - j <= 5 && w.quantifiers.has(tokens[j]!.norm) && !w.kill.has(tokens[j]!.norm)) j--;
    const verb = tokens[j];
    if (verb && w.kill.has(verb.norm) && !(weak && !person)) {
      // "killed 12 and wounded 30": the count belongs to the verb before it, not to "wounded".
      if (!w.notDeath.has(tokens[next]?.norm ?? '')) push(num.value, start);
      continue;
    }
    // "the death toll rose to 15", "a toll of 12".
    for (let b = start - 1; b >= Math.max(0, start - 6); b--) {
      if (w.toll.has(tokens[b]!.norm)) { push(num.value, start); break; }
      if (!w.quantifiers.has(tokens[b]!.norm) && !w.death.has(tokens[b]!.norm)) break;
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
