/** A sentence with its offsets into the article text (end exclusive). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (a run of text between line breaks) it belongs to. */
  paragraph: number;
}

/** Abbreviations after which ICU's sentence break must not split ("Gen. Soleimani"). */
const ABBREVIATION = /(?:^|[\s(])(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|St|Mt|No|vs|U\.S|U\.K|U\.N|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits an article into sentences, one paragraph at a time: Intl.Segmenter slows down
 * superlinearly on long inputs in Node 20, and news paragraphs are short.
 *
 * @example
 * splitSentences("Iran fired. Israel hit Isfahan.").map(s => s.text) // ["Iran fired. ", "Israel hit Isfahan."]
 */
export function splitSentences(text: string): Sentence[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  const paragraphs = /[^\n\r]+/g;
  let paragraph = 0;
  for (const p of text.matchAll(paragraphs)) {
    const pStart = p.index ?? 0;
    for (const chunk of boundedChunks(p[0])) {
      let pending: { start: number; end: number } | undefined;
      for (const seg of segmenter.segment(chunk.text)) {
        const start = pStart + chunk.offset + seg.index;
        const end = start + seg.segment.length;
        if (pending) pending.end = end;
        else pending = { start, end };
        if (ABBREVIATION.test(seg.segment)) continue;
        pushTrimmed(out, text, pending.start, pending.end, paragraph);
        pending = undefined;
      }
      if (pending) pushTrimmed(out, text, pending.start, pending.end, paragraph);
    }
    paragraph++;
  }
  return out;
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
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end), paragraph });
}
