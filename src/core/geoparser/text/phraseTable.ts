import { nameKey } from './normalize.ts';
import type { Token } from './tokens.ts';

/** Tables with at least this many keys remember the first words scans ask for (see `seen`). */
const LARGE_TABLE = 10_000;
const SEEN_LIMIT = 50_000;

/** One word of a phrase trie: the values of the phrase ending here, and the words that may follow. */
export interface TrieNode<T> {
  values: T[] | undefined;
  next: Map<string, TrieNode<T>> | undefined;
  /**
   * A filter over the words of `next`: bit `wordHash(w) & 31` is set for each. A scan asks a
   * node for the next word of the text, which almost never continues a phrase ("the army");
   * the mask answers most of those without a probe of the Map.
   */
  nextMask: number;
}

/**
 * A dictionary of multi-word phrases keyed by `nameKey`, stored as a trie of words. A scan
 * walks it one token at a time and stops as soon as no phrase can continue; it never builds
 * a joined key string, so each step is one lookup of a token's (memoised, pre-hashed) norm.
 */
export class PhraseTable<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  /**
   * First words met by scans, with their node (null: no phrase starts there). A scan asks for
   * every token; in the gazetteer's table of 118,000 names a probe tends to miss the CPU cache,
   * while the words of running text are few and repeat, so this small map mostly answers from it.
   */
  private readonly seen = new Map<string, TrieNode<T> | null>();
  /**
   * A filter over the first words of a small table: bit `wordHash(w)` is set for each. Most
   * words of running text start no phrase of an event lexicon's table, and this answers
   * "none" from 512 bytes that stay in the CPU cache, before any probe of the Map.
   */
  private readonly firstWords = new Uint32Array(FILTER_BITS / 32);
  private keys = 0;
  maxWords = 0;

  /** Adds `value` under the key of `phrase`; returns false when the phrase has no key. */
  add(phrase: string, value: T): boolean {
    const key = nameKey(phrase);
    if (!key) return false;
    this.addKey(key, value);
    return true;
  }

  addKey(key: string, value: T): void {
    // clear() allocates a fresh table even when empty: a build adds 470,000 keys.
    if (this.seen.size) this.seen.clear();
    const words = key.indexOf(' ') < 0 ? [key] : key.split(' ');
    const h = wordHash(words[0]!);
    this.firstWords[h >>> 5]! |= 1 << (h & 31);
    this.maxWords = Math.max(this.maxWords, words.length);
    let level = this.root;
    let node: TrieNode<T> | undefined;
    for (let i = 0; i < words.length; i++) {
      node = level.get(words[i]!);
      if (!node) level.set(words[i]!, (node = { values: undefined, next: undefined, nextMask: 0 }));
      if (i < words.length - 1) {
        level = node.next ??= new Map();
        node.nextMask |= 1 << (wordHash(words[i + 1]!) & 31);
      }
    }
    const list = node!.values;
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else {
      node!.values = [value];
      this.keys++;
    }
  }

  /**
   * Trims every value list to its length, once a table is built: a list grown by push keeps
   * room for 16 more values, and the gazetteer's table holds 410,000 lists.
   */
  compact(): void {
    const visit = (level: Map<string, TrieNode<T>>) => {
      for (const node of level.values()) {
        if (node.values && node.values.length > 1) node.values = node.values.slice();
        if (node.next) visit(node.next);
      }
    };
    visit(this.root);
  }

  /** The values stored under a whole key ("ain asad"), if any. */
  get(key: string): T[] | undefined {
    return this.node(key)?.values;
  }

  /** The values of the two-word key "first second", without building the key string. */
  getPair(first: string, second: string): T[] | undefined {
    return this.root.get(first)?.next?.get(second)?.values;
  }

  /** True when `key` is a proper word prefix of a stored key. */
  hasPrefix(key: string): boolean {
    return this.node(key)?.next !== undefined;
  }

  /** The trie node of a first word, where a scan starts. */
  start(word: string): TrieNode<T> | undefined {
    if (this.keys < LARGE_TABLE) {
      const h = wordHash(word);
      return this.firstWords[h >>> 5]! & (1 << (h & 31)) ? this.root.get(word) : undefined;
    }
    const hit = this.seen.get(word);
    if (hit !== undefined) return hit ?? undefined;
    if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
    const node = this.root.get(word);
    this.seen.set(word, node ?? null);
    return node;
  }

  get size(): number {
    return this.keys;
  }

  private node(key: string): TrieNode<T> | undefined {
    let level: Map<string, TrieNode<T>> | undefined = this.root;
    let node: TrieNode<T> | undefined;
    for (const word of key.split(' ')) {
      node = level?.get(word);
      if (!node) return undefined;
      level = node.next;
    }
    return node;
  }
}

/** Bits of the first-word filter of a small table. */
const FILTER_BITS = 4096;

/** A cheap hash of a word into the filter: its length and three of its letters. */
function wordHash(w: string): number {
  const n = w.length;
  if (n === 0) return 0;
  const h = Math.imul(Math.imul(Math.imul(n, 31) + w.charCodeAt(0), 31) + w.charCodeAt(n - 1), 31) + w.charCodeAt(n >> 1);
  return (h ^ (h >>> 12)) & (FILTER_BITS - 1);
}

/** A phrase found in a token run: tokens[first..last], inclusive. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  values: T[];
}

/**
 * True when tokens a and b are adjacent words of one phrase (no comma, bracket or quote between):
 * the gap is 1–3 spaces, a hyphen (optionally followed by a space), an apostrophe, a dot
 * (optionally followed by a space) or ".-". Read by char code: it is asked for every step of
 * every phrase scan.
 */
export function joined(text: string, a: Token, b: Token): boolean {
  const len = b.start - a.end;
  if (len < 1 || len > 3) return false;
  const c0 = text.charCodeAt(a.end);
  if (isSpace(c0)) {
    for (let k = 1; k < len; k++) if (!isSpace(text.charCodeAt(a.end + k))) return false;
    return true;
  }
  if (len === 1) return isHyphen(c0) || c0 === 0x27 || c0 === 0x2019 || c0 === 0x2bc || c0 === 0x2e;
  if (len === 2) {
    const c1 = text.charCodeAt(a.end + 1);
    return (isHyphen(c0) && c1 === 0x20) || (c0 === 0x2e && (c1 === 0x20 || c1 === 0x2d));
  }
  return false;
}

/** A space or a no-break space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

/** - ‐ ‑ – */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013;
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
    let node = table.start(first.norm);
    if (!node) continue;
    let best = -1;
    let values: T[] | undefined;
    if (node.values) { best = i; values = node.values; }
    for (let j = i + 1; j < n && node.next; j++) {
      const t = tokens[j]!;
      if (t.possessive || !joined(text, tokens[j - 1]!, t)) break;
      if (t.article) continue;
      if (!(node.nextMask & (1 << (wordHash(t.norm) & 31)))) break;
      node = node.next.get(t.norm);
      if (!node) break;
      if (node.values) { best = j; values = node.values; }
    }
    if (values) {
      out.push({ first: i, last: best, values });
      i = best;
    }
  }
  return out;
}
