import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_FILTER } from '../../../src/core/engine/filter/filterState.ts';
import { FILTER_QUERY_KEYS, isIsoDay, parseFilterQuery, serializeFilter, writeFilterQuery } from '../../../src/core/engine/filter/urlState.ts';
import { ACTORS, filterArb } from './arbitraries.ts';

describe('URL state', () => {
  it('round-trips every valid filter', () => {
    fc.assert(fc.property(filterArb, (filter) => {
      // Inverted ranges are rejected by design; swap them to get a valid state.
      const f = filter.from && filter.to && filter.from > filter.to ? { ...filter, from: filter.to, to: filter.from } : filter;
      const parsed = parseFilterQuery(serializeFilter(f), ACTORS);
      expect(parsed.notes).toEqual([]);
      expect(parsed.filter).toEqual({ ...f, q: f.q.trim() === '' ? '' : f.q });
    }));
  });

  it('writes nothing for the default filter', () => {
    expect(serializeFilter(DEFAULT_FILTER)).toBe('');
  });

  it('parses the documented form', () => {
    const { filter, notes } = parseFilterQuery('?from=2024-01-01&to=2024-04-30&actors=Israel,Iran&kinds=strike,base&q=isfahan', ACTORS);
    expect(notes).toEqual([]);
    expect(filter).toEqual({ from: '2024-01-01', to: '2024-04-30', actors: ['Israel', 'Iran'], actorRole: 'involving', kinds: ['strike', 'base'], eventTypes: null, precisions: ['site', 'city', 'region', 'country'], q: 'isfahan', undated: false });
  });

  it('lists every key it writes in FILTER_QUERY_KEYS, so the app mirrors all of them', () => {
    fc.assert(fc.property(filterArb, (filter) => {
      for (const key of writeFilterQuery(filter).keys()) expect(FILTER_QUERY_KEYS).toContain(key);
    }));
  });

  it('holds the undated toggle as undated=1, and drops other values with a note (issue 10)', () => {
    expect(serializeFilter({ ...DEFAULT_FILTER, from: '2024-01-01', undated: true })).toBe('from=2024-01-01&undated=1');
    expect(parseFilterQuery('?from=2024-01-01&undated=1', ACTORS).filter.undated).toBe(true);
    expect(parseFilterQuery('?undated=0', ACTORS)).toEqual({ filter: DEFAULT_FILTER, notes: [] });
    const odd = parseFilterQuery('?undated=yes', ACTORS);
    expect(odd.filter.undated).toBe(false);
    expect(odd.notes.join(' ')).toMatch(/undated=yes/);
  });

  it('drops garbage with a note instead of throwing', () => {
    const { filter, notes } = parseFilterQuery('?from=yesterday&to=2024-02-30&actors=Narnia,Israel&kinds=strike,ufo', ACTORS);
    expect(filter.from).toBeNull();
    expect(filter.to).toBeNull();
    expect(filter.actors).toEqual(['Israel']);
    expect(filter.kinds).toEqual(['strike']);
    expect(notes.join(' ')).toMatch(/yesterday/);
    expect(notes.join(' ')).toMatch(/2024-02-30/);
    expect(notes.join(' ')).toMatch(/Narnia/);
    expect(notes.join(' ')).toMatch(/ufo/);
  });

  it('holds the event types in the URL, in the vocabulary order, and drops unknown ones with a note', () => {
    const written = serializeFilter({ ...DEFAULT_FILTER, eventTypes: ['Battles', 'Explosions/Remote violence'] });
    expect(new URLSearchParams(written).get('types')).toBe('Battles,Explosions/Remote violence');
    const { filter, notes } = parseFilterQuery('?types=Violence%20against%20civilians,Battles,Looting', ACTORS);
    expect(filter.eventTypes).toEqual(['Battles', 'Violence against civilians']);
    expect(notes).toEqual(['Ignored unknown event type: Looting.']);
    // Only strangers: every type, as for actors. Empty: none (only untyped features remain).
    expect(parseFilterQuery('?types=Looting', ACTORS).filter.eventTypes).toBeNull();
    expect(parseFilterQuery('?types=', ACTORS).filter.eventTypes).toEqual([]);
    expect(parseFilterQuery('?kinds=strike', ACTORS).filter.eventTypes).toBeNull();
    // A corpus may bring a type ACLED's political-violence list lacks when the caller knows it.
    expect(parseFilterQuery('?types=Custom', ACTORS, ['Battles', 'Custom']).filter.eventTypes).toEqual(['Custom']);
  });

  it('holds the precision filter in the URL, in canonical order, and drops unknown precisions with a note', () => {
    const written = serializeFilter({ ...DEFAULT_FILTER, precisions: ['city', 'site'] });
    expect(new URLSearchParams(written).get('precision')).toBe('site,city');
    expect(serializeFilter(DEFAULT_FILTER)).not.toMatch(/precision/);
    const { filter, notes } = parseFilterQuery('?precision=city,street,site', ACTORS);
    expect(filter.precisions).toEqual(['site', 'city']);
    expect(notes).toEqual(['Ignored unknown precision: street.']);
    expect(parseFilterQuery('?precision=street', ACTORS).filter.precisions).toEqual(['site', 'city', 'region', 'country']);
    expect(parseFilterQuery('?precision=', ACTORS).filter.precisions).toEqual([]);
  });

  it('ignores an inverted range with a note', () => {
    const { filter, notes } = parseFilterQuery('from=2024-05-01&to=2024-01-01', ACTORS);
    expect(filter.from).toBeNull();
    expect(filter.to).toBeNull();
    expect(notes[0]).toMatch(/ends before it starts/);
  });

  it('falls back to all actors when none of the requested ones exist', () => {
    const { filter, notes } = parseFilterQuery('actors=Atlantis', ACTORS);
    expect(filter.actors).toBeNull();
    expect(notes).toHaveLength(1);
  });

  it('keeps the actor role: role=by, role=against, nothing for "involving", a note for anything else', () => {
    expect(parseFilterQuery('actors=Israel&role=by', ACTORS).filter.actorRole).toBe('by');
    expect(parseFilterQuery('actors=Israel&role=against', ACTORS).filter.actorRole).toBe('against');
    expect(writeFilterQuery({ ...DEFAULT_FILTER, actors: ['Iran'], actorRole: 'against' }).toString()).toBe('actors=Iran&role=against');
    expect(writeFilterQuery({ ...DEFAULT_FILTER, actorRole: 'involving' }).has('role')).toBe(false);
    const odd = parseFilterQuery('role=victim', ACTORS);
    expect(odd.filter.actorRole).toBe('involving');
    expect(odd.notes).toEqual(['Ignored "role=victim": use role=by or role=against.']);
  });

  it('keeps unrelated parameters when writing', () => {
    const params = writeFilterQuery({ ...DEFAULT_FILTER, actors: ['Israel'] }, new URLSearchParams('data=bench.geojson&view=1,2,3'));
    expect(params.get('data')).toBe('bench.geojson');
    expect(params.get('view')).toBe('1,2,3');
    expect(params.get('actors')).toBe('Israel');
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(() => parseFilterQuery(s, ACTORS)).not.toThrow();
    }));
  });

  it('validates calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-13-01')).toBe(false);
    expect(isIsoDay('24-01-01')).toBe(false);
  });
});
