import { nameKey } from './normalize.ts';
import type { Token } from './tokens.ts';

/**
 * A dictionary of multi-word phrases keyed by `nameKey`, with every proper word prefix
 * stored so a scan can stop as soon as no phrase can continue.
 */
export class PhraseTable<T> {
  private readonly map = new Map<string, T[]>();
  private readonly prefixes = new Set<string>();
  maxWords = 0;

  /** Adds `value` under the key of `phrase`; returns false when the phrase has no key. */
  add(phrase: string, value: T): boolean {
    const key = nameKey(phrase);
    if (!key) return false;
    this.addKey(key, value);
    return true;
  }

  addKey(key: string, value: T): void {
    const list = this.map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else this.map.set(key, [value]);
    const words = key.split(' ');
    this.maxWords = Math.max(this.maxWords, words.length);
    let prefix = '';
    for (let i = 0; i < words.length - 1; i++) {
      prefix = i ? `${prefix} ${words[i]}` : words[i]!;
      this.prefixes.add(prefix);
    }
  }

  get(key: string): T[] | undefined {
    return this.map.get(key);
  }

  hasPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  get size(): number {
    return this.map.size;
  }
}

/** A phrase found in a token run: tokens[first..last], inclusive. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  values: T[];
}

/** Characters allowed between two words of one name: spaces, hyphens, apostrophes, a dot. */
const JOINER = /^(?:[ \u00a0]+|[-‐‑–][ ]?|['’ʼ]|\.[ ]?|\.?-)$/;

/** True when tokens a and b are adjacent words of one phrase (no comma, bracket or quote between). */
export function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length > 0 && gap.length <= 3 && JOINER.test(gap);
}

/**
 * Finds the longest phrase of `table` starting at each token, left to right, without overlaps.
 * Articles ("al-") inside a phrase are skipped in the key but kept in the span; a phrase never
 * starts or ends on one, nor crosses a possessive "'s".
 *
 * @example
 * scanPhrases(tokenize('near Ain al-Asad'), 'near Ain al-Asad', table) // [{ first: 1, last: 3, values: [...] }]
 */
export function scanPhrases<T>(tokens: readonly Token[], text: string, table: PhraseTable<T>, acceptStart?: (t: Token) => boolean): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const first = tokens[i]!;
    if (first.possessive || first.article) continue;
    if (acceptStart && !acceptStart(first)) continue;
    let key = first.norm;
    let best = -1;
    let values: T[] | undefined;
    let hit = table.get(key);
    if (hit) { best = i; values = hit; }
    for (let j = i + 1; j < n && table.hasPrefix(key); j++) {
      const t = tokens[j]!;
      if (t.possessive || !joined(text, tokens[j - 1]!, t)) break;
      if (t.article) continue;
      key = `${key} ${t.norm}`;
      hit = table.get(key);
      if (hit) { best = j; values = hit; }
    }
    if (values) {
      out.push({ first: i, last: best, values });
      i = best;
    }
  }
  return out;
}
