/**
 * The word scanner shared by the tokenizer and name keys: a word starts with a Unicode letter
 * or digit and runs on through letters, digits and combining marks, which is what
 * the Unicode regex `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*` matches, read one code point at a time (ASCII
 * by char code, other scripts through a Unicode property test). It is several times faster than
 * iterating the regex, which clones itself on every matchAll.
 *
 * Marks belong to the word because decomposed text ("Esfaha\u0301n", or "İ" lower-cased to
 * "i\u0307") would otherwise split one name into two words.
 */

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

/**
 * Where the word starting at `start` ends (exclusive); `start` itself when no word starts there.
 *
 * @example
 * wordEnd('al-Asad', 3) // 7
 */
export function wordEnd(text: string, start: number): number {
  let i = start;
  // Only the first character must be a letter or digit; marks may follow it.
  for (let width = wordCharWidth(text, i); width; width = wordCharWidth(text, i) || markWidth(text, i)) i += width;
  return i;
}

/** Code units taken by the combining mark at `i`, or 0 when there is none. Marks are never ASCII. */
function markWidth(text: string, i: number): number {
  if (i >= text.length || text.charCodeAt(i) < 0x300) return 0;
  const width = codePointWidth(text, i);
  return MARK.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Where the next word starts at or after `i` (text.length when none does). Scanning loops
 * read `for (let i = nextWordStart(t, 0); i < t.length; i = nextWordStart(t, i))`.
 */
export function nextWordStart(text: string, i: number): number {
  while (i < text.length && !wordCharWidth(text, i)) i += codePointWidth(text, i);
  return i;
}

/** Code units taken by the letter or digit at `i` (1, or 2 for a surrogate pair), or 0 when it is neither. */
export function wordCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return WORD_CHAR.test(text[i]!) ? 1 : 0;
}

/** Code units taken by the code point at `i`: 2 for a surrogate pair, else 1 (a lone surrogate counts as one). */
export function codePointWidth(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** ' ’ ʼ: the apostrophes before a possessive "s". */
export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
