import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findDates, compatibleDates, anchorEnd } from '../../src/core/geoparser/events/dates.ts';
import { parsePublished, DateFormatError } from '../../src/core/geoparser/events/published.ts';

const at = (text: string, published: string) => findDates(text, 0, parsePublished(published)).map((d) => d.value && `${d.value.date}/${d.value.precision}`);

describe('parsePublished', () => {
  it('accepts day, month and year precision', () => {
    expect(parsePublished('2024-04-21')).toEqual({ year: 2024, month: 4, day: 21, precision: 'day' });
    expect(parsePublished('2024-04')).toMatchObject({ month: 4, day: null, precision: 'month' });
    expect(parsePublished('2020')).toMatchObject({ year: 2020, month: null, precision: 'year' });
  });

  it('refuses malformed and impossible dates with a one-line message', () => {
    for (const bad of ['2024-02-30', '24-04-2024', '2024/04/21', 'April 2024', '2023-02-29', '2024-13', '']) {
      expect(() => parsePublished(bad), bad).toThrow(DateFormatError);
    }
    expect(() => parsePublished('2024-02-30')).toThrow(/February 2024 has 29 days/);
  });
});

describe('findDates', () => {
  it('resolves weekdays backwards for past events and forwards for announced ones', () => {
    expect(at('Israel struck on Friday.', '2024-04-21')).toEqual(['2024-04-19/day']);
    expect(at('He will travel to Pakistan on Monday.', '2024-04-21')).toEqual(['2024-04-22/day']);
    // "on Sunday" in Sunday's paper is that day.
    expect(at('Rockets were fired early on Sunday.', '2024-09-22')).toEqual(['2024-09-22/day']);
  });

  it('resolves month-day dates in the year that keeps past events in the past', () => {
    expect(at('missiles sent into Israel on April 13', '2024-04-21')).toEqual(['2024-04-13/day']);
    expect(at('the attack in December', '2024-01-29')).toEqual(['2023-12-01/month']);
    expect(at('In March 2013, a pipeline opened', '2024-04-21')).toEqual(['2013-03-01/month']);
  });

  it('gives "early this month" and "last week" their period, not a day', () => {
    expect(at('Iran fired early this month.', '2024-04-21')).toEqual(['2024-04-01/month']);
    expect(at('It happened last week.', '2024-04-21')).toEqual(['2024-04-08/week']);
  });

  it('resolves "three months after" against publication only when the article is "now"', () => {
    expect(at('It comes just three months after Iran and Pakistan were involved', '2024-04-21')).toEqual(['2024-01-01/month']);
  });

  it('counts "a day after" back from the date before it in the sentence', () => {
    expect(at('They fired on Tuesday, a day after the group struck a ship.', '2024-02-20')).toEqual(['2024-02-20/day', '2024-02-19/day']);
  });

  it('never invents a day when only the year is known', () => {
    expect(at('He spoke on Tuesday.', '2020')).toEqual([null]);
    expect(at('Killed on January 3.', '2020')).toEqual(['2020-01-03/day']);
    expect(at('It happened two days ago.', '2020')).toEqual([null]);
    expect(at('It happened two days ago.', '2024-05')).toEqual([null]);
  });

  it('never puts a past-tense date after publication', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    const phrase = fc.oneof(
      fc.tuple(fc.constantFrom(...months), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `on ${m} ${d}`),
      fc.constantFrom(...days).map((d) => `on ${d}`),
      fc.constantFrom(...months).map((m) => `in ${m}`),
      fc.constantFrom('last week', 'earlier this month', 'yesterday', 'three days ago', 'two months ago', 'last month'),
    );
    const published = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(phrase, published, (p, pub) => {
      const anchor = parsePublished(pub);
      for (const d of findDates(`The army struck the base ${p}.`, 0, anchor)) {
        if (d.value) expect(d.value.date <= anchorEnd(anchor), `${p} / ${pub} → ${d.value.date}`).toBe(true);
      }
    }), { numRuns: 1000 });
  });
});

describe('compatibleDates', () => {
  it('treats a day inside a month as the same period', () => {
    expect(compatibleDates({ date: '2024-04-13', precision: 'day' }, { date: '2024-04-01', precision: 'month' })).toBe(true);
    expect(compatibleDates({ date: '2024-03-13', precision: 'day' }, { date: '2024-04-01', precision: 'month' })).toBe(false);
    expect(compatibleDates(null, { date: '2024-04-01', precision: 'month' })).toBe(true);
  });
});
