import { normalizeToken, isArticleToken } from './normalize.ts';
import { isApostrophe, nextWordStart, wordEnd } from './words.ts';

/** A word of the text with its offsets into the original string. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  norm: string;
  /** Starts with an upper-case letter (or is all digits), as proper names do in English news. */
  capitalized: boolean;
  /** An Arabic article ("al-") that a name key skips. */
  article: boolean;
  /** A possessive "'s" directly after the previous word. */
  possessive: boolean;
}

const UPPER = /^\p{Lu}/u;

/**
 * Splits `text` into word tokens (see words.ts for what a word is). Offsets are relative to
 * `text`; add `base` to make them absolute (sentence offsets into the article).
 *
 * @example
 * tokenize("Iran’s strike").map(t => t.raw) // ["Iran", "s", "strike"]
 */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (let i = nextWordStart(text, 0); i < text.length; i = nextWordStart(text, i)) {
    const start = i;
    i = wordEnd(text, start);
    const raw = text.slice(start, i);
    const norm = normalizeToken(raw);
    // A bare transliteration mark ("ʿ") is not a word.
    if (!norm) continue;
    const last = tokens[tokens.length - 1];
    const possessive = norm === 's' && start > 0 && isApostrophe(text.charCodeAt(start - 1)) && last !== undefined && last.end - base === start - 1;
    tokens.push({
      start: base + start,
      end: base + i,
      raw,
      norm,
      capitalized: isUpperStart(raw),
      article: !possessive && isArticleToken(norm, raw, text[i]),
      possessive,
    });
  }
  return tokens;
}

function isUpperStart(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(raw);
}
