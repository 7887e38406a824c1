import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { divisionNames, DIVISION_WORDS } from '../../src/core/geoparser/gazetteer/divisionNames.ts';
import { nameKey } from '../../src/core/geoparser/text/normalize.ts';

describe('divisionNames', () => {
  it('names a division the way news copy does', () => {
    // The official name itself is indexed already.
    expect(divisionNames('Kursk Oblast')).toEqual(['Kursk region', 'Kursk province', 'Kursk governorate', 'Kursk state']);
    expect(divisionNames('Al Anbar Governorate')).toContain('Al Anbar province');
    expect(divisionNames('Khartoum')).toContain('Khartoum state');
    expect(divisionNames('Autonomous Republic of Crimea').slice(0, 2)).toEqual(['Crimea', 'Crimea region']);
    expect(divisionNames('Republic of Dagestan')[0]).toBe('Dagestan');
  });

  it('never gives a suffixed division its bare base, which is the city', () => {
    fc.assert(fc.property(fc.constantFrom('Kursk', 'Belgorod', 'Erbil', 'Idlib'), fc.constantFrom('Oblast', 'Governorate', 'Province', 'Krai'), (base, word) => {
      const official = `${base} ${word}`;
      const names = [official, ...divisionNames(official)];
      expect(names.map(nameKey)).not.toContain(nameKey(base));
      for (const w of DIVISION_WORDS) expect(names.map(nameKey)).toContain(nameKey(`${base} ${w}`));
    }));
  });
});
