/**
 * Name normalisation shared by the gazetteer index and the mention finder. Both sides go
 * through the same function, so "Ein al-Assad", "Ain al-Asad" and "Ayn Al Asad" meet on one key.
 *
 * @example
 * nameKey('Ein al-Assad') === nameKey('Ayn al Asad') // "ain asad"
 */

import { isApostrophe, nextWordStart, wordEnd } from './words.ts';

/** Arabic articles carry no identity in transliterated names ("al-Asad" = "Asad"). */
const ARTICLES = new Set(['al', 'el', 'ul', 'as', 'ad', 'ash', 'an', 'ar', 'at', 'az']);
const ARTICLE_WITH_HYPHEN = /^(?:al|el|ul|as|ad|ash|an|ar|at|az)$/;
const AIN = new Set(['ain', 'ein', 'ayn', 'ayin', 'ein']);

const COMBINING = /\p{M}+/gu;
/** Transliteration marks for ayn and hamza ("ʿAyn", "Qurʾan"), which news copy usually drops. */
const AYN_MARKS = /[ʿʾʻʼ]/g;

/**
 * Words repeat, so normalised forms are memoised; a memo is dropped when it grows past a
 * bound, keeping memory flat on any corpus.
 */
class WordMemo {
  private readonly map = new Map<string, string>();
  /**
   * The words asked for lately, in front of `map`: the word lists and gazetteer names that
   * fill `map` make its probes miss the CPU cache, while running text repeats a few thousand
   * words, which this small map answers from the cache.
   */
  private readonly recent = new Map<string, string>();

  private readonly recentLimit: number;

  /** `recentLimit`: 0 for no small map (gazetteer names do not repeat as running text does). */
  constructor(recentLimit: number) {
    this.recentLimit = recentLimit;
  }

  get(word: string): string {
    let norm = this.recentLimit ? this.recent.get(word) : undefined;
    if (norm !== undefined) return norm;
    norm = this.map.get(word);
    if (norm === undefined) {
      if (this.map.size >= CACHE_LIMIT) this.map.clear();
      norm = computeToken(word);
      this.map.set(word, norm);
    }
    if (this.recentLimit) {
      if (this.recent.size >= this.recentLimit) this.recent.clear();
      this.recent.set(word, norm);
    }
    return norm;
  }
}

const CACHE_LIMIT = 200_000;
const RECENT_LIMIT = 4096;
/**
 * Two memos: the words of running text, and the words of gazetteer names (about 107,000 after
 * the index is built). Kept apart, the text memo stays as small as the text's vocabulary and
 * its lookups (one per token) stay in the CPU cache.
 */
const textWords = new WordMemo(RECENT_LIMIT);
const nameWords = new WordMemo(0);

/** Lower-case, strip diacritics and collapse transliteration variants of one word. */
export function normalizeToken(word: string): string {
  return textWords.get(word);
}

function computeToken(word: string): string {
  // Plain ASCII letters and digits have nothing to decompose or strip, which skips NFD and
  // three regex passes for most words of the gazetteer and of English news.
  // Greek final sigma folds to σ: lower-casing writes ς or σ by the letter's place in the
  // string, so a word would otherwise get one key alone and another inside a longer text.
  const lower = isAsciiAlnum(word) ? word.toLowerCase() : word.normalize('NFD').replace(COMBINING, '').replace(AYN_MARKS, '').toLowerCase().replace(/ς/g, 'σ');
  // Transliterations disagree on doubled letters (Assad/Asad, Abbas/Abas) and ou/u (Asalouyeh).
  // The "uu" that "uou" leaves is collapsed too, and the variant checks come last, so a key
  // normalises to itself ("Ell" and "el" alike end as "al").
  const w = isAsciiAlnum(lower) ? collapseAscii(lower) : lower.replace(/(\p{L})\1+/gu, '$1').replace(/ou/g, 'u').replace(/uu+/g, 'u');
  if (w === 'el' || w === 'ul') return 'al';
  if (AIN.has(w)) return 'ain';
  return w;
}

/** Only ASCII letters and digits. */
function isAsciiAlnum(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/**
 * The non-ASCII path's three replaces for a lower-case ASCII word: a run of one letter becomes
 * that letter (digits are not letters), then each "ou" becomes "u", and a "u" that this puts
 * after another "u" is dropped.
 */
function collapseAscii(w: string): string {
  let collapsed = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (i > 0 && c === w.charCodeAt(i - 1) && c >= 0x61) continue;
    collapsed += w[i];
  }
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    if (collapsed[i] === 'o' && collapsed[i + 1] === 'u') {
      if (out[out.length - 1] !== 'u') out += 'u';
      i++;
    } else out += collapsed[i];
  }
  return out;
}

/** True for a normalised token that is an article ("al", "el"), skipped when building keys. */
export function isArticleToken(norm: string, raw: string, nextChar: string | undefined): boolean {
  if (norm.length > 3) return false;
  if (norm === 'al') return true;
  // "as-Sadr", "ad-Dawr", "ash-Sham": the sun-letter articles count only when hyphenated,
  // so the English words "as", "an", "at" never vanish from a key.
  // The hyphen test first: it is the cheap one, and rules out almost every short English word.
  return (nextChar === '-' || nextChar === '‑') && ARTICLES.has(norm) && ARTICLE_WITH_HYPHEN.test(raw.toLowerCase());
}

/** The lookup key of a whole name: normalised words, articles dropped, joined by spaces. */
export function nameKey(name: string): string {
  let key = '';
  for (let i = nextWordStart(name, 0); i < name.length; i = nextWordStart(name, i)) {
    const start = i;
    i = wordEnd(name, start);
    const raw = name.slice(start, i);
    const norm = nameWords.get(raw);
    if (!norm) continue;
    if (isArticleToken(norm, raw, name[i])) continue;
    // A possessive "'s" is not part of a name.
    if (norm === 's' && start > 0 && isApostrophe(name.charCodeAt(start - 1))) continue;
    key = key ? `${key} ${norm}` : norm;
  }
  return key;
}
