import { describe, expect, it } from 'vitest';
import { correctionFor, resolveCorrections, type Correction } from '../../../src/core/engine/corrections/corrections.ts';
import { locate, relocate, anchorFor } from '../../../src/core/engine/corrections/anchor.ts';
import { retitle } from '../../../src/core/engine/corrections/titles.ts';
import type { EventKind, NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';

/**
 * Corrections made on one parser's output, re-attached to another's: the article text is the
 * same, the spans are not (moved, split, merged). Both "parses" are written by hand here, as a
 * parser upgrade would give them.
 */
const TEXT = 'Drones struck Kiryat Shmona on Monday. Officials in Tel Aviv-Yafo said Iraq and Iraq again. Later, Homs was quiet.';
const at = (words: string, from = 0): [number, number] => {
  const s = TEXT.indexOf(words, from);
  if (s < 0) throw new Error(words);
  return [s, s + words.length];
};

function feature(words: string, kind: EventKind = 'place', from = 0, extra: Partial<NewsmapFeature['properties']> = {}): NewsmapFeature {
  const span = at(words, from);
  return {
    type: 'Feature', id: `a1:${span[0]}-${span[1]}`, geometry: { type: 'Point', coordinates: [35, 33] },
    properties: {
      kind, title: kind === 'place' ? words : `Strike in ${words}`, date: null, date_precision: null, actor: null, actors: [], target: null, origin: null,
      place_id: words.toLowerCase().replace(/\W+/g, '-'), place_name: words, country: 'IL', geo_precision: 'city', mention: words, span,
      quote: '', article_id: 'a1', article_title: 'A', published: '2024-01-01', confidence: 0.5, ...extra,
    },
  };
}

const secondIraq = TEXT.indexOf('Iraq', TEXT.indexOf('Iraq') + 1);
/** Parser A: "Kiryat Shmona" one span, "Tel Aviv" without "-Yafo", two "Iraq", "Homs". */
const parserA = [feature('Kiryat Shmona', 'strike'), feature('Tel Aviv'), feature('Iraq'), feature('Iraq', 'place', secondIraq), feature('Homs')];
/** Parser B: "Kiryat Shmona" split in two, "Tel Aviv-Yafo" merged into one span, one "Iraq" only (the second), no "Homs". */
const parserB = [feature('Kiryat', 'strike'), feature('Shmona'), feature('Tel Aviv-Yafo'), feature('Iraq', 'place', secondIraq)];

const PALMYRA = { id: 'palmyra', name: 'Palmyra', country: 'SY', lat: 34.56, lon: 38.27, precision: 'city' as const };
const find = (fs: readonly NewsmapFeature[], words: string) => fs.find((f) => f.properties.mention === words);

describe('corrections re-attach after a new parse', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const on = (words: string, change: (f: NewsmapFeature) => Correction['change'], from = 0) => {
    const f = parserA.find((x) => x.properties.mention === words && x.properties.span[0] >= from)!;
    return correctionFor(f, change(f), TEXT, { now, id: `c-${words}-${from}` });
  };
  const corrections: Correction[] = [
    on('Kiryat Shmona', (f) => ({ type: 'edit', feature_id: f.id, fields: { actor: 'Hezbollah' } })),
    on('Tel Aviv', (f) => ({ type: 'place', feature_id: f.id, place: PALMYRA })),
    on('Iraq', (f) => ({ type: 'not-a-place', feature_id: f.id })),
    on('Homs', (f) => ({ type: 'place', feature_id: f.id, place: PALMYRA })),
  ];

  it('applies to the parse it was made on, by its feature', () => {
    const r = resolveCorrections(parserA, corrections, TEXT);
    expect(r.unattached).toEqual([]);
    expect(find(r.features, 'Kiryat Shmona')!.properties.actor).toBe('Hezbollah');
    expect(find(r.features, 'Tel Aviv')!.properties.place_id).toBe('palmyra');
    expect(r.features.filter((f) => f.properties.mention === 'Iraq')).toHaveLength(1);
    expect(find(r.features, 'Homs')!.properties.place_id).toBe('palmyra');
  });

  it('re-attaches under another parse: split, merged and moved spans; shows what cannot attach', () => {
    const r = resolveCorrections(parserB, corrections, TEXT);
    // Split: the edit of the event goes to the event part ("Kiryat"), not the place part.
    expect(find(r.features, 'Kiryat')!.properties).toMatchObject({ actor: 'Hezbollah', corrected: true });
    expect(find(r.features, 'Shmona')!.properties.corrected).toBeUndefined();
    // Merged: "Tel Aviv" is inside "Tel Aviv-Yafo".
    expect(find(r.features, 'Tel Aviv-Yafo')!.properties.place_id).toBe('palmyra');
    // Moved: the first "Iraq" is gone; the nearest "Iraq" takes the correction.
    expect(r.features.filter((f) => f.properties.mention === 'Iraq')).toHaveLength(0);
    expect(r.removed.map((x) => x.feature.properties.span[0])).toEqual([secondIraq]);
    // Gone: "Homs" is no longer a mention. Shown, not dropped.
    expect(r.unattached.map((u) => u.correction.id)).toEqual(['c-Homs-0']);
    expect(r.unattached[0]!.reason).toMatch(/Homs/);
  });

  it('follows the words when the text itself shifted (a new decoder), preferring matching context', () => {
    const shifted = `UPDATE: ${TEXT}`;
    const moved = parserA.map((f) => ({ ...f, id: `a1:${f.properties.span[0] + 8}-${f.properties.span[1] + 8}`, properties: { ...f.properties, span: [f.properties.span[0] + 8, f.properties.span[1] + 8] as [number, number] } }));
    const r = resolveCorrections(moved, corrections, shifted);
    expect(r.unattached).toEqual([]);
    // The second "Iraq" survives: the correction was on the first.
    expect(r.features.filter((f) => f.properties.mention === 'Iraq').map((f) => f.properties.span[0])).toEqual([secondIraq + 8]);
  });

  it('reads the anchor of a correction saved before anchors (keyed by feature id)', () => {
    const homs = find(parserA, 'Homs')!;
    const legacy: Correction = { id: 'old', article_id: 'a1', by: 'analyst', at: now.toISOString(), change: { type: 'place', feature_id: homs.id, place: PALMYRA }, original: {} };
    // Homs moved: the text was re-decoded with a prefix; the id's offsets name the old words.
    const shifted = `UPDATE: ${TEXT}`;
    const homsMoved = { ...homs, id: 'a1:999-1003', properties: { ...homs.properties, span: [homs.properties.span[0] + 8, homs.properties.span[1] + 8] as [number, number] } };
    // Offsets from the id, words from the current text at those offsets would be wrong: the
    // anchor context finds "Homs" again.
    const r = resolveCorrections([homsMoved], [{ ...legacy, original: { mention: 'Homs' } }], shifted);
    expect(r.features[0]!.properties.place_id).toBe('palmyra');
    // With no record of the words, the old feature id still works while it exists.
    expect(resolveCorrections([homs], [legacy], TEXT).features[0]!.properties.place_id).toBe('palmyra');
  });

  it('an article-wide correction reaches every mention of the name; a split "Not a place" removes every part', () => {
    const iraq = find(parserA, 'Iraq')!;
    const everyIraq = correctionFor(iraq, { type: 'place', feature_id: iraq.id, place: PALMYRA }, TEXT, { scope: 'article', now });
    expect(resolveCorrections(parserA, [everyIraq], TEXT).features.filter((f) => f.properties.place_id === 'palmyra')).toHaveLength(2);
    const ks = find(parserA, 'Kiryat Shmona')!;
    const notPlace = correctionFor(ks, { type: 'not-a-place', feature_id: ks.id }, TEXT, { now });
    const r = resolveCorrections(parserB, [notPlace], TEXT);
    expect(r.features.map((f) => f.properties.mention)).toEqual(['Tel Aviv-Yafo', 'Iraq']);
  });

  it('locate and relocate: nearest same words, context first', () => {
    const text = 'Iraq, Iraq, Iraq.';
    const a = anchorFor({ ...find(parserA, 'Iraq')!, properties: { ...find(parserA, 'Iraq')!.properties, span: [6, 10] } }, text);
    expect(relocate(a, `x ${text}`)).toEqual([8, 12]);
    const fs = [0, 6, 12].map((s) => ({ ...find(parserA, 'Iraq')!, id: `i${s}`, properties: { ...find(parserA, 'Iraq')!.properties, span: [s, s + 4] as [number, number] } }));
    expect(locate(a, fs.filter((f) => f.id !== 'i6'), text)!.features[0]!.id).toBe('i0');
    expect(locate({ ...a, text: 'Basra' }, fs, text)).toBeNull();
  });
});

describe('titles follow corrections', () => {
  const strike = feature('Kiryat Shmona', 'strike', 0, { title: 'Israeli strike near Isfahan', actor: 'Israel', actors: ['Israel', 'Iran'], place_name: 'Isfahan' });
  it('a strike corrected to the United States is a US strike', () => {
    expect(retitle(strike.properties, { ...strike.properties, actor: 'United States' })).toBe('US strike near Isfahan');
    expect(retitle(strike.properties, { ...strike.properties, actor: null })).toBe('Strike near Isfahan');
    expect(retitle({ ...strike.properties, title: 'Strike on Isfahan', actor: null }, { ...strike.properties, title: 'Strike on Isfahan', actor: 'Iran' })).toBe('Iranian strike on Isfahan');
    expect(retitle(strike.properties, { ...strike.properties, place_name: 'Natanz' })).toBe('Israeli strike near Natanz');
  });
  it('applied through a correction, the title is recomputed and the old adjective is gone', () => {
    const c = correctionFor(strike, { type: 'edit', feature_id: strike.id, fields: { actor: 'United States' } }, TEXT);
    const [out] = resolveCorrections([strike], [c], TEXT).features;
    expect(out!.properties.title).toBe('US strike near Isfahan');
    expect(out!.properties.title).not.toMatch(/Israeli/);
  });
});
