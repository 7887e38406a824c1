import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, chmodSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { newsmapFeatureSchema } from '../../src/core/geojson/schema.ts';

/** The real `newsmap` bin, on real files. */
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/newsmap.mjs');
const run = promisify(execFile);

async function newsmap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

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

  const bad: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
    ['an empty file', () => { const f = join(dir, 'empty.txt'); writeFileSync(f, ''); return f; }, /empty\.txt: empty file/],
    ['whitespace only', () => { const f = join(dir, 'blank.txt'); writeFileSync(f, '  \n\t\n'); return f; }, /blank\.txt: contains only whitespace/],
    ['a binary file', () => { const f = join(dir, 'bin.txt'); writeFileSync(f, Buffer.from([0x49, 0x72, 0x00, 0x01, 0x02])); return f; }, /bin\.txt: binary file/],
    ['Latin-1 text', () => { const f = join(dir, 'latin1.txt'); writeFileSync(f, Buffer.from('Caf\xe9 in Beirut\n', 'latin1')); return f; }, /latin1\.txt: not valid UTF-8 \(line 1\)/],
    ['a directory', () => { const d = join(dir, 'adir'); mkdirSync(d, { recursive: true }); return d; }, /adir: is a directory/],
  ];
  for (const [what, make, message] of bad) {
    it.concurrent(`refuses ${what} with one line on stderr and a non-zero exit`, async () => {
      const { code, stdout, stderr } = await newsmap('parse', make(), '--published', '2024-04-21');
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it.concurrent('refuses an unreadable file', async () => {
    const f = join(dir, 'secret.txt');
    writeFileSync(f, article);
    chmodSync(f, 0o000);
    const { code, stderr } = await newsmap('parse', f, '--published', '2024-04-21');
    // root can read anything; then the parse simply succeeds.
    if (process.getuid?.() === 0) expect(code).toBe(0);
    else expect(stderr).toMatch(/permission denied/);
  });

  for (const date of ['2024-02-30', '24-04-2024', 'yesterday']) {
    it.concurrent(`refuses --published ${date}`, async () => {
      const { code, stderr } = await newsmap('parse', 'seeds/000_90b7c182ef871e92.txt', '--published', date);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/--published/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it.concurrent('refuses an invalid gazetteer, naming the entry and the field', async () => {
    const g = JSON.parse(readFileSync(join(root, 'data/gazetteer.json'), 'utf8'));
    g.places[5].lat = 123;
    const f = join(dir, 'bad-gazetteer.json');
    writeFileSync(f, JSON.stringify(g));
    const { code, stderr } = await newsmap('parse', 'seeds/000_90b7c182ef871e92.txt', '--published', '2024-04-21', '--gazetteer', f);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(new RegExp(`place "${g.places[5].id}" \\(places\\[5\\]\\): lat`));
  });

  it.concurrent('refuses an article over the size limit, stating the limit', async () => {
    const f = join(dir, 'huge.txt');
    writeFileSync(f, 'Israel struck Gaza. '.repeat(500_000));
    const { code, stderr } = await newsmap('parse', f, '--published', '2024-04-21');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/too large .* the limit is 8 MB/);
  });
});

describe('newsmap ingest', () => {
  it.concurrent('parses the seed corpus into one FeatureCollection file', async () => {
    const out = join(dir, 'corpus.geojson');
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
