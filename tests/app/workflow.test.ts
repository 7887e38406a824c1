import { describe, expect, it } from 'vitest';
import { mergeCorpus } from '../../src/app/workflow/mergeCorpus.ts';
import { importedArticles } from '../../src/app/workflow/importedArticles.ts';
import { newArticleId, publishedProblem, safeHref, sourceUrl } from '../../src/app/workflow/articleForm.ts';
import { emptyWorkspace } from '../../src/app/storage/workspace.ts';
import type { Article } from '../../src/app/state/corpus.ts';
import type { StoredArticle } from '../../src/core/engine/project/projectFile.ts';
import type { Correction } from '../../src/core/engine/corrections/corrections.ts';
import { buildFixture } from '../e2e/support/fixture.ts';

const { corpus, articles } = buildFixture();
const seedArticles = new Map<string, Article>(articles.map((a) => [a.id, a]));

function added(): StoredArticle {
  const base = corpus.features.find((f) => f.properties.article_id === 'a-damascus-2013')!;
  const f = { ...base, id: 'user-1:10-18', properties: { ...base.properties, article_id: 'user-1', article_title: 'Mine' } };
  return { id: 'user-1', title: 'Mine', published: '2024', source: null, text: 'x'.repeat(100), added: '2026-01-01T00:00:00.000Z', features: [f] };
}

describe('mergeCorpus', () => {
  it('adds the analyst articles and their features to the seeds', () => {
    const ws = { ...emptyWorkspace(), articles: [added()] };
    const m = mergeCorpus(corpus.features, seedArticles, ws);
    expect(m.features).toHaveLength(corpus.features.length + 1);
    expect(m.articles.get('user-1')?.title).toBe('Mine');
    expect([...m.addedIds]).toEqual(['user-1']);
  });

  it('a re-imported feature replaces the seed with the same id instead of doubling it', () => {
    const seed = corpus.features[0]!;
    const again: StoredArticle = { ...added(), id: seed.properties.article_id, text: '', features: [seed] };
    const m = mergeCorpus(corpus.features, seedArticles, { ...emptyWorkspace(), articles: [again] });
    expect(m.features).toHaveLength(corpus.features.length);
    // An imported article has no text: the seed's text stays.
    expect(m.articles.get(seed.properties.article_id)?.text).toBe(articles.find((a) => a.id === seed.properties.article_id)!.text);
  });

  it('applies corrections per article and flags them', () => {
    const target = corpus.features.find((f) => f.properties.place_name === 'Damascus')!;
    const karachi = corpus.features.find((f) => f.properties.place_name === 'Karachi')!;
    const corrections: Correction[] = [
      { id: 'c1', article_id: target.properties.article_id, by: 'analyst', at: '2026-01-01T00:00:00.000Z', change: { type: 'place', feature_id: target.id, place: { id: 'homs', name: 'Homs', country: 'SY', lat: 34.73, lon: 36.71, precision: 'city' } }, original: {} },
      { id: 'c2', article_id: karachi.properties.article_id, by: 'analyst', at: '2026-01-01T00:00:01.000Z', change: { type: 'not-a-place', feature_id: karachi.id }, original: {} },
    ];
    const m = mergeCorpus(corpus.features, seedArticles, { ...emptyWorkspace(), corrections });
    const moved = m.features.find((f) => f.id === target.id)!;
    expect(moved.geometry.coordinates).toEqual([36.71, 34.73]);
    expect(moved.properties.corrected).toBe(true);
    expect(m.features.find((f) => f.id === karachi.id)).toBeUndefined();
    expect(m.features).toHaveLength(corpus.features.length - 1);
  });
});

describe('importedArticles', () => {
  it('groups features by article and merges into an existing article', () => {
    const a = added();
    const extra = { ...a.features[0]!, id: 'user-1:20-28' };
    const list = importedArticles([extra, ...corpus.features.slice(0, 1)], [a], new Date('2026-02-02T00:00:00Z'));
    const mine = list.find((x) => x.id === 'user-1')!;
    expect(mine.features.map((f) => f.id).sort()).toEqual(['user-1:10-18', 'user-1:20-28']);
    expect(mine.text).toBe(a.text);
    const other = list.find((x) => x.id !== 'user-1')!;
    expect(other.text).toBe('');
    expect(other.published).toBe(corpus.features[0]!.properties.published);
  });
});

describe('article form', () => {
  it('accepts day, month and year precision and refuses impossible dates', () => {
    expect(publishedProblem('2024-03-29')).toBeNull();
    expect(publishedProblem('2024-03')).toBeNull();
    expect(publishedProblem('2024')).toBeNull();
    expect(publishedProblem('2024-02-30')).toMatch(/does not exist/);
    expect(publishedProblem('2024-13')).toMatch(/month 13/);
    expect(publishedProblem('29/03/2024')).toMatch(/not YYYY-MM-DD/);
  });

  it('accepts only http(s) source links', () => {
    expect(sourceUrl('').url).toBeNull();
    expect(sourceUrl('https://example.org/a').url).toBe('https://example.org/a');
    expect(sourceUrl('javascript:alert(1)').problem).toMatch(/only http and https/);
    expect(sourceUrl('data:text/html,x').problem).toMatch(/only http and https/);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('Fixture Wire')).toBeNull();
  });

  it('makes ids that cannot clash with seed ids', () => {
    expect(newArticleId(0, 0)).toMatch(/^user-/);
    expect(newArticleId(1, 0.5)).not.toBe(newArticleId(1, 0.6));
  });
});
