import { isWhitespace } from './whitespace.ts';
import { sentenceBreaks } from './sentenceBreaks.ts';

/** A sentence with its offsets into the article text (end exclusive). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (a run of text between line breaks) it belongs to. */
  paragraph: number;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits an article into sentences, one paragraph at a time. The boundaries are those of the
 * Unicode sentence rules (UAX #29, as Intl.Segmenter applies them), merged across
 * abbreviations (ABBREVIATIONS below): `sentenceBreaks` finds them for text in Latin script, and a paragraph
 * with other characters goes through Intl.Segmenter itself.
 *
 * @example
 * splitSentences("Iran fired. Israel hit Isfahan.").map(s => s.text) // ["Iran fired.", "Israel hit Isfahan."]
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  for (let pStart = 0; pStart < text.length;) {
    // A paragraph is a run of text between line breaks (\n, \r).
    while (pStart < text.length && isLineBreak(text.charCodeAt(pStart))) pStart++;
    if (pStart >= text.length) break;
    let pEnd = pStart;
    while (pEnd < text.length && !isLineBreak(text.charCodeAt(pEnd))) pEnd++;
    const p = text.slice(pStart, pEnd);
    for (const chunk of p.length > MAX_CHUNK ? boundedChunks(p) : [{ offset: 0, text: p }]) {
      const breaks = sentenceBreaks(chunk.text) ?? segmenterBreaks(chunk.text);
      let pendingStart = -1;
      for (let k = 0; k + 1 < breaks.length; k++) {
        const start = pStart + chunk.offset + breaks[k]!;
        const end = pStart + chunk.offset + breaks[k + 1]!;
        if (pendingStart < 0) pendingStart = start;
        if (endsWithAbbreviation(text, start, end)) continue;
        pushTrimmed(out, text, pendingStart, end, paragraph);
        pendingStart = -1;
      }
      if (pendingStart >= 0) pushTrimmed(out, text, pendingStart, pStart + chunk.offset + chunk.text.length, paragraph);
    }
    paragraph++;
    pStart = pEnd;
  }
  return out;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Intl.Segmenter's boundaries in `s`: 0, the end of each segment. */
function segmenterBreaks(s: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const breaks = [0];
  for (const seg of segmenter.segment(s)) breaks.push(seg.index + seg.segment.length);
  return breaks;
}

/** Abbreviations after which a sentence does not end ("Gen. Soleimani"), though the Unicode rules break there. */
const ABBREVIATIONS = new Set(['Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Adm', 'Brig', 'Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'Gov', 'Sen', 'Rep', 'St', 'Mt', 'No', 'vs', 'U.S', 'U.K', 'U.N', 'e.g', 'i.e', 'approx', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

/**
 * Whether a segment ends with an abbreviation: its last
 * non-space character is a dot after one of the words, which starts the segment or follows a
 * space or "(". Read from the end: a regex anchored at the end would try every position.
 */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isWhitespace(text.charCodeAt(e - 1))) e--;
  if (e <= start || text.charCodeAt(e - 1) !== 0x2e) return false;
  for (let length = 2; length <= 6; length++) {
    const p = e - 1 - length;
    if (p < start) break;
    if (!ABBREVIATIONS.has(text.slice(p, e - 1))) continue;
    if (p === start || isWhitespace(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === 0x28) return true;
  }
  return false;
}

/** Very long paragraphs (a 1 MB line) are cut at whitespace so segmentation stays linear. */
const MAX_CHUNK = 4000;
function* boundedChunks(paragraph: string): Generator<{ offset: number; text: string }> {
  let offset = 0;
  while (paragraph.length - offset > MAX_CHUNK) {
    let cut = paragraph.lastIndexOf('. ', offset + MAX_CHUNK);
    if (cut <= offset) cut = paragraph.lastIndexOf(' ', offset + MAX_CHUNK);
    cut = cut <= offset ? offset + MAX_CHUNK : cut + 1;
    yield { offset, text: paragraph.slice(offset, cut) };
    offset = cut;
  }
  yield { offset, text: paragraph.slice(offset) };
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end), paragraph });
}
