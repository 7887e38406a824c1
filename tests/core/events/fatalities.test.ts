import { describe, expect, it } from 'vitest';
import { findFatalities } from '../../../src/core/geoparser/events/fatalities.ts';
import { tokenize } from '../../../src/core/geoparser/text/tokens.ts';

const counts = (sentence: string) => findFatalities(tokenize(sentence), sentence).map((f) => f.count);

describe('fatalities (issue 11)', () => {
  it('reads a death count next to a death word, in the forms of wire copy', () => {
    expect(counts('The strike killed 12 people, officials said.')).toEqual([12]);
    expect(counts('At least 30 dead after the blast.')).toEqual([30]);
    expect(counts('Two soldiers were killed in the clash.')).toEqual([2]);
    expect(counts('The bomber struck the market, killing at least 32 people.')).toEqual([32]);
    expect(counts('Shells hit the camp, leaving at least nine people dead.')).toEqual([9]);
    expect(counts('The death toll rose to 15 on Monday.')).toEqual([15]);
    expect(counts('More than 31,000 people have been killed since October.')).toEqual([31000]);
    expect(counts('Twenty-five people were killed.')).toEqual([25]);
    expect(counts('The raid killed a dozen fighters.')).toEqual([12]);
    expect(counts('Drones killed two al-Shabaab fighters near Jilib.')).toEqual([2]);
    expect(counts('A US drone strike killed a senior Kataib Hezbollah commander in Baghdad.')).toEqual([1]);
    expect(counts('The attack killed one and injured 10.')).toEqual([1]);
  });

  it('gives no count for the wounded, the vague, dates, or a number that counts something else', () => {
    expect(counts('A missile hit the building overnight, injuring seven people.')).toEqual([]);
    expect(counts('Six were wounded and four others injured.')).toEqual([]);
    expect(counts('The group has killed thousands of civilians since 2014.')).toEqual([]);
    expect(counts('Dozens of people were killed.')).toEqual([]);
    expect(counts('KYIV, Feb 24 (Reuters) - Three civilians were killed in shelling.')).toEqual([3]);
    expect(counts('Ukraine shot down 31 of 40 drones launched by Russia.')).toEqual([]);
    expect(counts('The strike killed a day after the talks.')).toEqual([]);
    // "killed 12 and wounded 30": twelve dead, not thirty.
    expect(counts('The shelling killed 12 and wounded 30.')).toEqual([12]);
  });
});
