import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sentenceBreaks } from '../../../src/core/geoparser/text/sentenceBreaks.ts';
import { splitSentences } from '../../../src/core/geoparser/text/sentences.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** Intl.Segmenter's boundaries: the reference sentenceBreaks must agree with. */
function icuBreaks(s: string): number[] {
  const breaks = [0];
  for (const seg of segmenter.segment(s)) breaks.push(seg.index + seg.segment.length);
  return breaks;
}

/** Pieces that meet the rules' hard cases: terminators, closing quotes, spaces, digits, case. */
const PIECES = [
  'a', 'b', 'x', 'A', 'B', 'U', 'S', 'é', 'É', 'ß', 'ǅ', 'ł', 'Ḩ', 'ƻ', '1', '7', '0',
  '.', '.', '.', '?', '!', ',', ';', ':', '-', '–', '—', '"', "'", '(', ')', '[', ']', '’', '‘', '“', '”', '«', '»',
  ' ', ' ', ' ', '\u00a0', '\u2009', '\t', '%', '$', '/', '&', '€', '°', '•',
  'Mr', 'U.S.', 'e.g.', 'etc.', 'Gen.', 'No.', '3.5', ' and', ' the', ' He', ' "Why?"', '...', '?!', '.)', '." ',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

/** The splitter as it was written over Intl.Segmenter: [start, end, paragraph] of each sentence. */
function reference(text: string): [number, number, number][] {
  const abbreviation = /(?:^|[\s(])(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|St|Mt|No|vs|U\.S|U\.K|U\.N|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;
  const out: [number, number, number][] = [];
  const push = (start: number, end: number, paragraph: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push([start, end, paragraph]);
  };
  let paragraph = 0;
  for (const p of text.matchAll(/[^\n\r]+/g)) {
    let pending: [number, number] | undefined;
    for (const seg of segmenter.segment(p[0])) {
      const start = p.index + seg.index;
      const end = start + seg.segment.length;
      pending = pending ? [pending[0], end] : [start, end];
      if (abbreviation.test(seg.segment)) continue;
      push(pending[0], pending[1], paragraph);
      pending = undefined;
    }
    if (pending) push(pending[0], pending[1], paragraph);
    paragraph++;
  }
  return out;
}

describe('sentenceBreaks', () => {
  it('finds the boundaries Intl.Segmenter finds, on random text of hard cases', () => {
    fc.assert(fc.property(text, (s) => {
      const mine = sentenceBreaks(s);
      expect(mine).not.toBeNull();
      expect(mine).toEqual(icuBreaks(s));
    }), { numRuns: 3000 });
  });

  it('breaks after terminators, quotes and spaces, and not at decimals, initials or before lower case', () => {
    const cases: [string, string[]][] = [
      // After "?" or "!" the rules break even before lower case, as Intl.Segmenter does.
      ['He left. "Why?" she asked. Fine.', ['He left. ', '"Why?" ', 'she asked. ', 'Fine.']],
      ['It rose 3.5 percent. Then it fell.', ['It rose 3.5 percent. ', 'Then it fell.']],
      // SB7 keeps "U.S" whole; the break after "U.S. " is splitSentences' to undo (an abbreviation).
      ['The U.S. Army and the U.N. met.', ['The U.S. ', 'Army and the U.N. met.']],
      ['Troops left (at 5 p.m.) and returned.', ['Troops left (at 5 p.m.) and returned.']],
      ['He said: “We will return.” Then he left!', ['He said: “We will return.” ', 'Then he left!']],
      ['Really?! Yes... and no. OK', ['Really?! ', 'Yes... and no. ', 'OK']],
      ['Mr. Smith arrived.', ['Mr. ', 'Smith arrived.']],
    ];
    for (const [s, parts] of cases) {
      const b = sentenceBreaks(s)!;
      expect(b.slice(1).map((end, k) => s.slice(b[k]!, end))).toEqual(parts);
      expect(b).toEqual(icuBreaks(s));
    }
  });

  it('leaves text with characters it does not class to Intl.Segmenter', () => {
    expect(sentenceBreaks('Он ушёл. Она осталась.')).toBeNull();
    expect(sentenceBreaks('Soft\u00adhyphen. Next.')).toBeNull();
    expect(sentenceBreaks('Decomposed e\u0301. Next.')).toBeNull();
    // …and splitSentences gives those the segmenter's boundaries.
    expect(splitSentences('Он ушёл. Она осталась.').map((x) => x.text)).toEqual(['Он ушёл.', 'Она осталась.']);
  });

  it('splitSentences gives the sentences of Intl.Segmenter merged across abbreviations, on random text', () => {
    const lines = fc.array(text, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
    fc.assert(fc.property(lines, (s) => {
      expect(splitSentences(s).map((x) => [x.start, x.end, x.paragraph])).toEqual(reference(s));
    }), { numRuns: 1000 });
  });

  it('splitSentences keeps a sentence whole across an abbreviation, with exact offsets', () => {
    const s = 'Gen. Soleimani (Lt. Col. in 1990) met Sen. Graham.\nHe left on Jan. 3. "No. 10 is shut," he said. (Dr. Who?) Yes.';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual([
      'Gen. Soleimani (Lt. Col. in 1990) met Sen. Graham.', 'He left on Jan. 3.', '"No. 10 is shut," he said.', '(Dr. Who?)', 'Yes.',
    ]);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
    expect(out.map((x) => x.paragraph)).toEqual([0, 1, 1, 1, 1]);
  });
});
