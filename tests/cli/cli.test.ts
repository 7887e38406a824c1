import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { newsmapFeatureSchema } from '../../src/core/geoparser/geojson/schema.ts';
import { newsmap, root } from '../helpers/cli.ts';

/** The real `newsmap` bin, on real files. Refusals of bad input are in tests/hardening/. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsmap-cli-'));
});

const article = 'Israeli jets struck the T-4 air base in Homs province late on Thursday, a war monitor said.\nDamascus condemned the attack.';

describe('newsmap parse', () => {
  it.concurrent('prints only a valid FeatureCollection on stdout', async () => {
    const { code, stdout, stderr } = await newsmap('parse', 'seeds/000_90b7c182ef871e92.txt', '--published', '2024-04-21');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const fc = JSON.parse(stdout);
    expect(() => check(stdout)).not.toThrow();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    for (const f of fc.features) expect(() => newsmapFeatureSchema.parse(f)).not.toThrow();
    expect(fc.features.some((f: { properties: { kind: string; date: string } }) => f.properties.kind === 'strike' && f.properties.date === '2024-04-19')).toBe(true);
  });

  it.concurrent('takes --title and --id, and anchors dates on --published', async () => {
    const file = join(dir, 'syria.txt');
    writeFileSync(file, article);
    const { code, stdout } = await newsmap('parse', file, '--published', '2024-03-29', '--title', 'T-4 strike', '--id', 'x1');
    expect(code).toBe(0);
    const strike = JSON.parse(stdout).features.find((f: { properties: { kind: string } }) => f.properties.kind === 'strike');
    expect(strike.properties).toMatchObject({ article_id: 'x1', article_title: 'T-4 strike', published: '2024-03-29', date: '2024-03-28', actor: 'Israel', place_id: 't4-air-base' });
    expect(strike.id).toMatch(/^x1:/);
  });

  it.concurrent('accepts a reduced-precision --published and then invents no day', async () => {
    const file = join(dir, 'syria-year.txt');
    writeFileSync(file, article);
    const { code, stdout } = await newsmap('parse', file, '--published', '2024');
    expect(code).toBe(0);
    const strike = JSON.parse(stdout).features.find((f: { properties: { kind: string } }) => f.properties.kind === 'strike');
    expect(strike.properties.date).toBeNull();
    expect(strike.properties.published).toBe('2024');
  });

});

describe('newsmap ingest', () => {
  it.concurrent('parses the seed corpus into one FeatureCollection file, creating its folder', async () => {
    const out = join(dir, 'fresh/data/corpus.geojson');
    const { code, stdout } = await newsmap('ingest', 'seeds', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(() => check(readFileSync(out, 'utf8'))).not.toThrow();
    expect(new Set(fc.features.map((f: { properties: { article_id: string } }) => f.properties.article_id))).toEqual(new Set(['000_90b7c182ef871e92', '004_476fcc1b3f01d20a']));
    expect(fc.features.filter((f: { properties: { published: string } }) => f.properties.published === '2020').length).toBeGreaterThan(0);
  });

  it.concurrent('reports a bad article, keeps the others and exits non-zero at the end', async () => {
    const corpus = join(dir, 'corpus-bad');
    mkdirSync(corpus, { recursive: true });
    copyFileSync(join(root, 'seeds/004_476fcc1b3f01d20a.txt'), join(corpus, 'good.txt'));
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(join(corpus, 'articles.json'), JSON.stringify([
      { id: 'bad-date', title: 'x', published: '2024-02-30', file: 'good.txt' },
      { id: 'empty', title: 'x', published: '2024', file: 'empty.txt' },
      { id: 'good', title: 'Soleimani', published: '2020', file: 'good.txt' },
      { id: 'missing', title: 'x', published: '2024', file: 'missing.txt' },
    ]));
    const out = join(corpus, 'out.geojson');
    const { code, stderr } = await newsmap('ingest', corpus, '--out', out);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/article "bad-date": published: "2024-02-30" does not exist/);
    expect(stderr).toMatch(/article "empty": .*empty\.txt: empty file/);
    expect(stderr).toMatch(/article "missing": .*missing\.txt: no such file/);
    expect(stderr).toMatch(/3 of 4 articles failed/);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features.length).toBeGreaterThan(5);
    expect(fc.features.every((f: { properties: { article_id: string } }) => f.properties.article_id === 'good')).toBe(true);
  });

  it.concurrent('keeps the previous output when the save fails', async () => {
    const corpus = join(dir, 'corpus-save');
    mkdirSync(join(corpus, 'ro'), { recursive: true });
    copyFileSync(join(root, 'seeds/004_476fcc1b3f01d20a.txt'), join(corpus, 'a.txt'));
    writeFileSync(join(corpus, 'articles.json'), JSON.stringify([{ id: 'a', title: 'A', published: '2020', file: 'a.txt' }]));
    // The output path is a directory: the write fails and nothing is replaced.
    const target = join(corpus, 'ro');
    const { code, stderr } = await newsmap('ingest', corpus, '--out', target);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/cannot write .* the previous file is unchanged/);
    expect(existsSync(target)).toBe(true);
  });

  it.concurrent('names the file and entry of a malformed articles.json', async () => {
    const corpus = join(dir, 'corpus-index');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'articles.json'), JSON.stringify([{ id: 'a', title: 'A', published: '2020' }]));
    const { code, stderr } = await newsmap('ingest', corpus);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/articles\.json: article "a" \(\[0\]\): file/);
  });
});
