/**
 * The Unicode sentence boundaries (UAX #29, "Sentence Boundaries", the rules Intl.Segmenter
 * applies) of a line of text in Latin script, found by one scan over its characters instead of
 * ICU's iterator, which makes an object per segment and is several times slower.
 *
 * Only text made of the characters `classOf` knows is read here: ASCII, Latin letters, and
 * the spaces, quotes and dashes of news copy. For any other character (another script, a
 * combining mark, a format character such as a soft hyphen, a paragraph separator) it answers
 * null, and the caller asks Intl.Segmenter: the two agree wherever this one answers (a test
 * compares them on random text).
 *
 * The rules, for text without line breaks, format or extend characters (SB3–SB5 never apply):
 * a break only follows a terminator (. ! ?), its closing quotes or brackets and its spaces
 * (SB9–SB11); not when what follows is a comma-like character or another terminator (SB8a),
 * nor, after a full stop, a digit ("3.5", SB6), a capital right after "U.S" (SB7), or a
 * lower-case letter before any other letter ("etc. and", SB8).
 *
 * @example
 * sentenceBreaks('He left. "Why?" she asked. Fine.') // [0, 9, 27, 32]
 */
export function sentenceBreaks(s: string): number[] | null {
  const n = s.length;
  const breaks = [0];
  if (n === 0) return breaks;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const c = code < 0x80 ? ASCII[code]! : classAt(s, i);
    if (c === NONE) return null;
    if (c !== ATERM && c !== STERM) continue;
    // The terminator's closing punctuation, then its spaces.
    let k = i + 1;
    while (k < n && classAt(s, k) === CLOSE) k++;
    while (k < n && classAt(s, k) === SP) k++;
    if (k >= n) break;
    const next = classAt(s, k);
    if (next === NONE) return null;
    // SB8a: "?!", "...", "U.S., ", "Mr.; " go on.
    if (next === SCONTINUE || next === ATERM || next === STERM) continue;
    if (c === ATERM) {
      if (k === i + 1) {
        // SB6: a decimal point. SB7: "U.S", "e.G" — a letter, a full stop, a capital.
        if (next === NUMERIC) continue;
        if (next === UPPER && i > 0 && isCased(classAt(s, i - 1))) continue;
      }
      // SB8: the next letter, past digits, punctuation and spaces, is a lower-case one.
      const letter = nextLetterOrTerm(s, k);
      if (letter === null) return null;
      if (letter === LOWER) continue;
    }
    breaks.push(k);
    i = k - 1;
  }
  breaks.push(n);
  return breaks;
}

// Sentence_Break classes (UAX #29 table 4), and NONE for characters this scanner leaves to ICU.
const NONE = 0;
const OTHER = 1;
const SP = 2;
const LOWER = 3;
const UPPER = 4;
const OLETTER = 5;
const NUMERIC = 6;
const ATERM = 7;
const STERM = 8;
const CLOSE = 9;
const SCONTINUE = 10;

function isCased(c: number): boolean {
  return c === UPPER || c === LOWER;
}

/** The class of the first letter or terminator at or after `k`, OTHER at the end, null for an unknown character. */
function nextLetterOrTerm(s: string, k: number): number | null {
  for (; k < s.length; k++) {
    const c = classAt(s, k);
    if (c === NONE) return null;
    if (c === LOWER || c === UPPER || c === OLETTER || c === ATERM || c === STERM) return c;
  }
  return OTHER;
}

/** Classes of the ASCII characters: printable ones and tab; other controls are left to ICU. */
const ASCII = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) ASCII[c] = OTHER;
ASCII[0x09] = SP;
ASCII[0x20] = SP;
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = UPPER;
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = LOWER;
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = NUMERIC;
ASCII[0x2e] = ATERM;
ASCII[0x21] = STERM;
ASCII[0x3f] = STERM;
for (const ch of '"\'()[]{}') ASCII[ch.charCodeAt(0)] = CLOSE;
for (const ch of ',-:;') ASCII[ch.charCodeAt(0)] = SCONTINUE;

/** The non-ASCII punctuation, spaces and symbols of news copy whose class is certain. */
const PUNCTUATION = new Map<number, number>([
  // No-break, en, em, thin and other spaces (White_Space: Sp).
  [0xa0, SP], [0x2000, SP], [0x2001, SP], [0x2002, SP], [0x2003, SP], [0x2004, SP], [0x2005, SP], [0x2006, SP],
  [0x2007, SP], [0x2008, SP], [0x2009, SP], [0x200a, SP], [0x202f, SP], [0x205f, SP], [0x3000, SP],
  // « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ ›: quotation marks close a sentence.
  [0xab, CLOSE], [0xbb, CLOSE], [0x2018, CLOSE], [0x2019, CLOSE], [0x201a, CLOSE], [0x201b, CLOSE],
  [0x201c, CLOSE], [0x201d, CLOSE], [0x201e, CLOSE], [0x201f, CLOSE], [0x2039, CLOSE], [0x203a, CLOSE],
  // – —: a dash after a terminator continues the sentence.
  [0x2013, SCONTINUE], [0x2014, SCONTINUE],
  // £ ¥ © ® ° ± × ÷ € ™ •
  [0xa3, OTHER], [0xa5, OTHER], [0xa9, OTHER], [0xae, OTHER], [0xb0, OTHER], [0xb1, OTHER], [0xd7, OTHER],
  [0xf7, OTHER], [0x20ac, OTHER], [0x2122, OTHER], [0x2022, OTHER],
]);

const UPPERCASE = /^[\p{Uppercase}\p{Lt}]$/u;
const LOWERCASE = /^\p{Lowercase}$/u;
const LETTER = /^\p{L}$/u;

/** Latin letters (Latin-1, Extended-A and -B, Extended Additional), by their Unicode case. */
function latinLetterClass(code: number): number {
  if (!((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff))) return NONE;
  const ch = String.fromCharCode(code);
  if (!LETTER.test(ch)) return NONE;
  return UPPERCASE.test(ch) ? UPPER : LOWERCASE.test(ch) ? LOWER : OLETTER;
}

/** Classes of the non-ASCII characters met so far (0 = not yet looked up). */
const seen = new Uint8Array(0x10000);

function classAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code < 0x80) return ASCII[code]!;
  let c = seen[code]!;
  if (c === 0) {
    c = PUNCTUATION.get(code) ?? latinLetterClass(code);
    // NONE is stored as 255 so that it is remembered too.
    seen[code] = c === NONE ? 255 : c;
    return c;
  }
  return c === 255 ? NONE : c;
}
