import { describe, expect, it } from 'vitest';
import { mergeCorpus } from '../../src/app/workflow/mergeCorpus.ts';
import { emptyWorkspace } from '../../src/app/storage/workspace.ts';
import { WorkspaceController } from '../../src/app/storage/controller.ts';
import { MemoryBackend } from '../../src/app/storage/memoryBackend.ts';
import { correctionFor, type Correction } from '../../src/core/engine/corrections/corrections.ts';
import type { Article } from '../../src/app/state/corpus.ts';
import type { StoredArticle } from '../../src/core/engine/project/projectFile.ts';
import { buildFixture } from '../e2e/support/fixture.ts';

const { corpus, articles } = buildFixture();
const seedArticles = new Map<string, Article>(articles.map((a) => [a.id, a]));
const text = (id: string) => seedArticles.get(id)!.text;
const karachi = corpus.features.find((f) => f.properties.mention === 'Karachi')!;
const PALMYRA = { id: 'palmyra', name: 'Palmyra', country: 'SY', lat: 34.56, lon: 38.27, precision: 'city' as const };

/** A stored article that also names Karachi, twice. */
function stored(): StoredArticle {
  const t = 'Talks in Karachi went on. Karachi was calm.';
  const f = (s: number) => ({ ...karachi, id: `user-1:${s}-${s + 7}`, properties: { ...karachi.properties, article_id: 'user-1', article_title: 'Mine', span: [s, s + 7] as [number, number] } });
  return { id: 'user-1', title: 'Mine', published: '2024', source: null, text: t, added: '2026-01-01T00:00:00.000Z', features: [f(t.indexOf('Karachi')), f(t.lastIndexOf('Karachi'))] };
}

describe('mergeCorpus with anchored corrections', () => {
  it('a workspace-wide correction reaches every mention of the name, seeds and stored articles alike', () => {
    const c = correctionFor(karachi, { type: 'place', feature_id: karachi.id, place: PALMYRA }, text('a-isfahan'), { scope: 'workspace' });
    const m = mergeCorpus(corpus.features, seedArticles, { ...emptyWorkspace(), articles: [stored()], corrections: [c] });
    expect(m.features.filter((f) => f.properties.mention === 'Karachi').map((f) => f.properties.place_id)).toEqual(['palmyra', 'palmyra', 'palmyra']);
    expect(m.attached.get(c.id)).toHaveLength(3);
    expect(m.unattached).toEqual([]);
    // Everything else is untouched.
    expect(m.features.filter((f) => f.properties.corrected)).toHaveLength(3);
  });

  it('"Not a place" is reported as removed, per article; a correction of an article no longer in the corpus is unattached, not dropped', () => {
    const gone: Correction = { ...correctionFor(karachi, { type: 'not-a-place', feature_id: karachi.id }, text('a-isfahan')), id: 'gone', article_id: 'a-vanished' };
    const notPlace = correctionFor(karachi, { type: 'not-a-place', feature_id: karachi.id }, text('a-isfahan'));
    const m = mergeCorpus(corpus.features, seedArticles, { ...emptyWorkspace(), corrections: [notPlace, gone] });
    expect(m.removed.get('a-isfahan')!.map((r) => r.feature.id)).toEqual([karachi.id]);
    expect(m.unattached.map((u) => [u.correction.id, u.reason])).toEqual([['gone', 'its article is not in the corpus']]);
  });

  it('an old id-keyed correction attaches by its id and comes back with an anchor to save', () => {
    const legacy: Correction = { id: 'old', article_id: 'a-isfahan', by: 'analyst', at: '2025-01-01T00:00:00.000Z', change: { type: 'place', feature_id: karachi.id, place: PALMYRA }, original: {} };
    const m = mergeCorpus(corpus.features, seedArticles, { ...emptyWorkspace(), corrections: [legacy] });
    expect(m.migrated).toHaveLength(1);
    expect(m.migrated[0]!.anchor).toMatchObject({ text: 'Karachi', span: karachi.properties.span, kind: 'place' });
    expect(m.migrated[0]!.anchor!.before.endsWith('met in ')).toBe(true);
    // Saved with it, it needs the id no more.
    const renamed = corpus.features.map((f) => ({ ...f, id: `v2:${f.id}` }));
    const again = mergeCorpus(renamed, seedArticles, { ...emptyWorkspace(), corrections: m.migrated });
    expect(again.features.find((f) => f.properties.mention === 'Karachi')!.properties.place_id).toBe('palmyra');
    expect(again.migrated).toEqual([]);
  });
});

describe('WorkspaceController corrections and re-geoparsed articles', () => {
  it('replaces corrections (widen, undo) and article features, written before they show', async () => {
    const backend = new MemoryBackend();
    const controller = new WorkspaceController(backend);
    await controller.load();
    const c = correctionFor(karachi, { type: 'not-a-place', feature_id: karachi.id }, text('a-isfahan'));
    await controller.addCorrection(c);
    const wide = { ...c, id: 'wide', scope: 'workspace' as const };
    expect(await controller.replaceCorrections([c.id], [wide])).toBe(true);
    expect(controller.snapshot.workspace.corrections.map((x) => x.id)).toEqual(['wide']);
    expect([...backend.data.get('corrections')!.keys()]).toEqual(['wide']);
    await controller.addArticle(stored());
    expect(await controller.updateArticleFeatures(new Map([['user-1', []]]))).toBe(true);
    expect(controller.snapshot.workspace.articles[0]!.features).toEqual([]);
    backend.failWrites = 'disk full';
    expect(await controller.replaceCorrections(['wide'], [])).toBe(false);
    expect(controller.snapshot.workspace.corrections.map((x) => x.id)).toEqual(['wide']);
  });
});
