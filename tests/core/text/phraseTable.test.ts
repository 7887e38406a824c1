import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PhraseTable, scanPhrases, joined, type PhraseMatch } from '../../../src/core/geoparser/text/phraseTable.ts';
import { tokenize, type Token } from '../../../src/core/geoparser/text/tokens.ts';
import { nameKey } from '../../../src/core/geoparser/text/normalize.ts';

describe('PhraseTable', () => {
  it('answers the same after compact(), which trims its value lists', () => {
    const table = new PhraseTable<string>();
    for (let i = 0; i < 40; i++) table.add('Springfield', `springfield-${i}`);
    table.add('Ain al-Asad', 'ain-asad');
    table.add('Ain Issa', 'ain-issa');
    table.add('Ain Issa', 'ain-issa');
    const before = table.get('springfield')!.slice();
    table.compact();
    expect(table.get('springfield')).toEqual(before);
    expect(table.get(nameKey('Ain Issa'))).toEqual(['ain-issa']);
    expect(table.get('ain')).toBeUndefined();
    expect(table.hasPrefix('ain')).toBe(true);
    // A list compacted to its length still grows when a value is added.
    table.add('Springfield', 'springfield-40');
    expect(table.get('springfield')).toHaveLength(41);
    const text = 'Troops left Ain al-Asad for Springfield and Ain Issa.';
    expect(scanPhrases(tokenize(text), text, table).map((m) => [m.first, m.last, m.values[0]])).toEqual([
      [2, 4, 'ain-asad'], [6, 6, 'springfield-0'], [8, 9, 'ain-issa'],
    ]);
  });

  it('keeps one copy of a value added twice under a key and no key for a name without words', () => {
    const table = new PhraseTable<number>();
    expect(table.add('—', 1)).toBe(false);
    table.addKey('gaza', 1);
    table.addKey('gaza', 1);
    table.addKey('gaza city', 2);
    expect(table.get('gaza')).toEqual([1]);
    expect(table.size).toBe(2);
    expect(table.maxWords).toBe(2);
  });
});

/** scanPhrases without the trie and its filters: the longest stored key at each token, by joining words. */
function naiveScan<T>(tokens: readonly Token[], text: string, table: PhraseTable<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.possessive || tokens[i]!.article) continue;
    const words: string[] = [];
    let best: PhraseMatch<T> | undefined;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (j > i && (t.possessive || !joined(text, tokens[j - 1]!, t))) break;
      if (j > i && t.article) continue;
      words.push(t.norm);
      const values = table.get(words.join(' '));
      if (values) best = { first: i, last: j, values };
    }
    if (best) { out.push(best); i = best.last; }
  }
  return out;
}

describe('scanPhrases', () => {
  it('finds what a naive scan finds, for tables of any size (the filters only skip words no phrase has)', () => {
    // Few letters and short words: many words share a filter bit, and many phrases a prefix.
    const word = fc.stringMatching(/^[a-e]{1,3}$/);
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    // Sentences made of the table's phrases, other words, commas, possessives and articles.
    const sentence = (phrases: string[]) => fc.array(fc.oneof(word, fc.constantFrom(',', "'s", 'al-', '.', ...phrases)), { maxLength: 30 })
      .map((w) => w.join(' ').replace(/ al- /g, ' al-').replace(/ 's/g, "'s"));
    const tableAndText = fc.array(phrase, { minLength: 1, maxLength: 60 }).chain((phrases) => fc.tuple(fc.constant(phrases), sentence(phrases)));
    fc.assert(fc.property(tableAndText, fc.boolean(), ([phrases, text], large) => {
      const table = new PhraseTable<number>();
      phrases.forEach((p, k) => table.add(p, k));
      // A large table (10,000 keys or more) takes the other path to a first word.
      if (large) for (let k = 0; k < 10_000; k++) table.addKey(`zz${k}`, -1);
      const tokens = tokenize(text);
      expect(scanPhrases(tokens, text, table)).toEqual(naiveScan(tokens, text, table));
    }), { numRuns: 300 });
  });
});
