import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nameKey, normalizeToken } from '../../src/core/geoparser/text/normalize.ts';
import { splitSentences } from '../../src/core/geoparser/text/sentences.ts';
import { tokenize } from '../../src/core/geoparser/text/tokens.ts';

describe('nameKey', () => {
  it('brings transliteration variants to one key', () => {
    const variants = ['Ein al-Assad', 'Ain al-Asad', 'Ayn al-Asad', 'AYN AL ASAD', 'Ain Al-Asad', 'ʿAyn al-Asad'];
    expect(new Set(variants.map(nameKey)).size).toBe(1);
    expect(nameKey('Asalouyeh')).toBe(nameKey('Assaluyeh'));
    expect(nameKey('Isfahan')).toBe(nameKey('ISFAHAN'));
    expect(nameKey('Esfahān')).toBe(nameKey('Esfahan'));
  });

  it('keeps distinct names apart', () => {
    expect(nameKey('Erbil')).not.toBe(nameKey('Arbil'));
    expect(nameKey('Tehran')).not.toBe(nameKey('Tehran province'));
    // "as" and "an" are English words unless hyphenated to a name.
    expect(nameKey('as well')).toBe('as wel');
    expect(nameKey('as-Sadr')).toBe('sadr');
  });

  it('ignores a possessive', () => {
    expect(nameKey("Iran's")).toBe('iran');
    expect(nameKey('Iran’s')).toBe('iran');
  });

  it('is idempotent and case-insensitive for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      const k = nameKey(s);
      expect(nameKey(k)).toBe(k);
      expect(nameKey(s.toLowerCase())).toBe(k);
    }), { numRuns: 1000 });
  });

  it('is idempotent on words made of the letters its variant rules rewrite', () => {
    // Random Unicode seldom spells "uou", "ell" or "eein"; these letters spell them often.
    fc.assert(fc.property(fc.stringMatching(/^[AaEeIiLlNnOoUuYy]{1,8}( [aeilnouy]{1,6})?$/), (s) => {
      const k = nameKey(s);
      expect(nameKey(k)).toBe(k);
    }), { numRuns: 1000 });
    expect(nameKey('uou')).toBe('u');
    expect(nameKey('Ell-Asad')).toBe(nameKey('al-Asad'));
  });

  it('normalizeToken never throws and is stable under repetition', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (w) => {
      const n = normalizeToken(w);
      expect(typeof n).toBe('string');
    }), { numRuns: 1000 });
  });
});

describe('tokenize', () => {
  it('keeps combining marks inside the word, as decomposed (NFD) text writes accents', () => {
    const nfd = 'Esfahān and İzmir'.normalize('NFD');
    expect(tokenize(nfd).map((t) => t.norm)).toEqual(tokenize('Esfahān and İzmir').map((t) => t.norm));
    expect(tokenize('i\u0307zmir').map((t) => t.raw)).toEqual(['i\u0307zmir']);
    // A mark with no letter before it starts no word.
    expect(tokenize('\u0301 Erbil').map((t) => t.raw)).toEqual(['Erbil']);
  });

  it('reads the same words as the Unicode word regex', () => {
    const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
      const expected = [...text.matchAll(WORD)].map((m) => m[0]).filter((w) => normalizeToken(w) !== '');
      expect(tokenize(text).map((t) => t.raw)).toEqual(expected);
    }), { numRuns: 1000 });
  });


  it('keeps offsets into the text and marks possessives and articles', () => {
    const text = 'Iran’s strike near Ein al-Assad';
    const tokens = tokenize(text, 100);
    expect(tokens.map((t) => t.raw)).toEqual(['Iran', 's', 'strike', 'near', 'Ein', 'al', 'Assad']);
    for (const t of tokens) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.raw);
    expect(tokens[1]!.possessive).toBe(true);
    expect(tokens[5]!.article).toBe(true);
  });

  it('spans always point at the token text, for any Unicode input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(1000), (text, base) => {
      for (const t of tokenize(text, base)) expect(text.slice(t.start - base, t.end - base)).toBe(t.raw);
    }), { numRuns: 1000 });
  });
});

describe('splitSentences', () => {
  it('splits paragraphs and sentences with exact offsets', () => {
    const text = 'Iran fired missiles. Israel hit Isfahan.\n\nGen. Soleimani was killed on January 3.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Iran fired missiles.', 'Israel hit Isfahan.', 'Gen. Soleimani was killed on January 3.']);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('handles a single 1 MB line without losing text', () => {
    const line = 'Israel struck Damascus on Monday and Iran fired back at Haifa '.repeat(16_000);
    const s = splitSentences(line);
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) expect(line.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.text).join(' ').replace(/\s+/g, ' ')).toBe(line.trim().replace(/\s+/g, ' '));
  });

  it('offsets always slice back to the sentence, for any Unicode input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      const s = splitSentences(text);
      let last = 0;
      for (const x of s) {
        expect(text.slice(x.start, x.end)).toBe(x.text);
        expect(x.start).toBeGreaterThanOrEqual(last);
        last = x.end;
      }
    }), { numRuns: 1000 });
  });
});
