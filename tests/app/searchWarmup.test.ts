import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFeatureTable, searchText } from '../../src/core/engine/filter/featureTable.ts';
import { compileSearch } from '../../src/core/engine/filter/search.ts';
import { queryTable } from '../../src/core/engine/filter/queryTable.ts';
import { DEFAULT_FILTER } from '../../src/core/engine/filter/filterState.ts';
import { warmSearchWhenIdle } from '../../src/app/state/searchWarmup.ts';
import type { IdleDeadlineLike } from '../../src/app/state/idle.ts';
import { corpusArb } from '../core/filter/arbitraries.ts';

/** A scheduler under the test's control: each idle period allows `budget` deadline checks. */
function fakeIdle() {
  const queue: ((d: IdleDeadlineLike) => void)[] = [];
  let periods = 0;
  return {
    schedule: (step: (d: IdleDeadlineLike) => void) => {
      queue.push(step);
      return () => queue.splice(queue.indexOf(step), 1);
    },
    runPeriod(budget: number) {
      const step = queue.shift();
      if (!step) return false;
      periods++;
      let left = budget;
      step({ timeRemaining: () => (left-- > 0 ? 10 : 0) });
      return true;
    },
    get periods() {
      return periods;
    },
  };
}

describe('warmSearchWhenIdle', () => {
  it('builds exactly the search text a search would, spread over idle periods', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 1, max: 3 }), (corpus, budget) => {
        const table = buildFeatureTable(corpus);
        const idle = fakeIdle();
        warmSearchWhenIdle(table, idle.schedule);
        while (idle.runPeriod(budget));
        if (table.size === 0) expect(table.haystack).toBeNull();
        else expect(table.haystack).toEqual(table.features.map(searchText));
      }),
      { numRuns: 200 },
    );
  });

  it('yields between idle periods on a large corpus, and a cancelled warm-up leaves the search to build it', () => {
    const corpus = fc.sample(corpusArb, { numRuns: 200, seed: 7 }).flat().map((f, i) => ({ ...f, id: `f${i}` }));
    const table = buildFeatureTable(corpus);
    expect(table.size).toBeGreaterThan(500);
    const idle = fakeIdle();
    const cancel = warmSearchWhenIdle(table, idle.schedule);
    idle.runPeriod(1);
    expect(table.haystack).toBeNull();
    cancel();
    expect(idle.runPeriod(1)).toBe(false);
    // The search still works, building what the warm-up did not.
    const needle = table.features[0]!.properties.title.slice(0, 3).toLowerCase();
    const view = queryTable(table, { ...DEFAULT_FILTER, q: needle });
    const search = compileSearch(needle) ?? (() => true);
    expect(view.indices.length).toBe(table.features.filter((f) => search(searchText(f))).length);
  });
});
