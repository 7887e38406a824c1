import { describe, it, expect } from 'vitest';
import { PhraseTable, scanPhrases } from '../../../src/core/geoparser/text/phraseTable.ts';
import { tokenize } from '../../../src/core/geoparser/text/tokens.ts';
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
