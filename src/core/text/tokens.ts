import { normalizeToken, isArticleToken } from './normalize.ts';

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

const WORD = /[\p{L}\p{N}]+/gu;
const UPPER = /^\p{Lu}/u;
const APOSTROPHE = /['’ʼ]/;

/**
 * Splits `text` into word tokens. Offsets are relative to `text`; add `base` to make them
 * absolute (sentence offsets into the article).
 *
 * @example
 * tokenize("Iran’s strike").map(t => t.raw) // ["Iran", "s", "strike"]
 */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const i = m.index ?? 0;
    const norm = normalizeToken(raw);
    // A bare transliteration mark ("ʿ") is not a word.
    if (!norm) continue;
    const possessive = (norm === 's') && i > 0 && APOSTROPHE.test(text[i - 1] ?? '') && tokens.length > 0
      && tokens[tokens.length - 1]!.end - base === i - 1;
    tokens.push({
      start: base + i,
      end: base + i + raw.length,
      raw,
      norm,
      capitalized: UPPER.test(raw),
      article: !possessive && isArticleToken(norm, raw, text[i + raw.length]),
      possessive,
    });
  }
  return tokens;
}
