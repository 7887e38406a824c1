import { describe, expect, it } from 'vitest';
import { articleAnchor, findDateline } from '../../../src/core/geoparser/events/dateline.ts';
import { parsePublished } from '../../../src/core/geoparser/events/published.ts';

describe('datelines (issue 11)', () => {
  it('reads the datelines of the agencies, with or without a day', () => {
    expect(findDateline('BAGHDAD (AP) — A rocket hit ...')).toMatchObject({ city: 'BAGHDAD', agency: 'AP', month: null, day: null, start: 0 });
    expect(findDateline('MOSCOW, Feb 24 (Reuters) - Russia said ...')).toMatchObject({ city: 'MOSCOW', agency: 'Reuters', month: 2, day: 24 });
    expect(findDateline('GAZA, April 17 (Xinhua) -- Israeli jets ...')).toMatchObject({ city: 'GAZA', agency: 'Xinhua', month: 4, day: 17 });
    expect(findDateline('PESHAWAR, Pakistan, Oct 12 (Xinhua) -- Six policemen ...')).toMatchObject({ city: 'PESHAWAR', month: 10, day: 12 });
    expect(findDateline('YANGON, Myanmar (AP) — Myanmar’s military ...')).toMatchObject({ city: 'YANGON', month: null });
    const text = 'A title line\n\nDEIR AL-BALAH, Gaza Strip, Jan 5 (Reuters) - Strikes hit ...';
    const line = findDateline(text)!;
    expect(text.slice(line.start, line.end)).toBe('DEIR AL-BALAH, Gaza Strip, Jan 5 (Reuters) -');
  });

  it('finds no dateline in ordinary openings', () => {
    expect(findDateline('Russia launched a wave of drones at Kharkiv overnight.')).toBeNull();
    expect(findDateline('US - Iran talks resumed in Oman on Tuesday.')).toBeNull();
    expect(findDateline('NATO said on Monday it would send more troops.')).toBeNull();
    expect(findDateline('Three US soldiers killed in drone attack\n\nPublished 29 January 2024\n\nThree American soldiers were killed ...')).toBeNull();
  });

  it("makes the dateline's day the article's clock, in the publication's year", () => {
    expect(articleAnchor('KYIV, Feb 24 (Reuters) - ...', parsePublished('2024-02-25'))).toEqual({ year: 2024, month: 2, day: 24, precision: 'day' });
    // A paper known to its month, or year, gains the day.
    expect(articleAnchor('PESHAWAR, Pakistan, Oct 12 (Xinhua) -- ...', parsePublished('2024-10'))).toEqual({ year: 2024, month: 10, day: 12, precision: 'day' });
    expect(articleAnchor('GAZA, April 17 (Xinhua) -- ...', parsePublished('2024'))).toEqual({ year: 2024, month: 4, day: 17, precision: 'day' });
    // A December dateline in a January paper is of the year before.
    expect(articleAnchor('KHARTOUM, Dec 30 (Reuters) - ...', parsePublished('2024-01-02'))).toEqual({ year: 2023, month: 12, day: 30, precision: 'day' });
  });

  it('keeps the publication date when the dateline has no day, an impossible one, or one after publication', () => {
    const published = parsePublished('2024-03-10');
    expect(articleAnchor('BAGHDAD (AP) — ...', published)).toBe(published);
    expect(articleAnchor('MOSCOW, Feb 30 (Reuters) - ...', parsePublished('2024-03'))).toEqual(parsePublished('2024-03'));
    expect(articleAnchor('CAIRO, March 12 (Reuters) - ...', published)).toBe(published);
    expect(articleAnchor('No dateline here.', published)).toBe(published);
  });
});
