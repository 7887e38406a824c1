import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newsmap, newsmapAs, root } from '../helpers/cli.ts';

/**
 * Hardening matrix, CLI rows: each bad input gets one line on stderr that names the file or
 * option, a non-zero exit, and nothing on stdout.
 */
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'newsmap-hardening-')); });

const file = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

const rows: [string, () => string, RegExp][] = [
  ['an empty file', () => file('empty.txt', ''), /empty\.txt: empty file/],
  ['whitespace only', () => file('blank.txt', '  \n\t\n'), /blank\.txt: contains only whitespace/],
  ['a binary file (NUL bytes)', () => file('bin.txt', Buffer.from([0x49, 0x72, 0x00, 0x01, 0x02])), /bin\.txt: binary file \(NUL byte at offset 2\)/],
  ['Latin-1 / invalid UTF-8', () => file('latin1.txt', Buffer.from('Beirut\nCaf\xe9 in Tyre\n', 'latin1')), /latin1\.txt: not valid UTF-8 \(line 2\)/],
  ['a 50 MB article', () => file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'Israel struck Gaza. ')), /huge\.txt: too large \(50\.0 MB\); the limit is 8 MB per article/],
  ['a directory instead of a file', () => { const d = join(dir, 'adir'); mkdirSync(d, { recursive: true }); return d; }, /adir: is a directory, not an article file/],
  ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
];

describe('hardening: article files', () => {
  for (const [what, make, message] of rows) {
    it.concurrent(`refuses ${what}`, async () => {
      const { code, stdout, stderr } = await newsmap('parse', make(), '--published', '2024-04-21');
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it.concurrent('refuses an unreadable file', async () => {
    const f = file('secret.txt', 'Israeli jets struck Homs on Thursday.');
    chmodSync(f, 0o000);
    // Root reads any file, so as root the command runs as nobody (uid 65534).
    const { code, stdout, stderr } = await newsmapAs(process.getuid?.() === 0 ? 65534 : undefined, 'parse', f, '--published', '2024-04-21');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/secret\.txt: permission denied/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.concurrent('parses an article of one 1 MB line, with exact spans', async () => {
    const text = 'Israeli jets struck the T-4 air base in Homs province on Thursday and Tehran warned of revenge. '.repeat(10_800);
    const f = file('oneline.txt', text);
    const { code, stdout } = await newsmap('parse', f, '--published', '2024-03-29');
    expect(code).toBe(0);
    const fc = JSON.parse(stdout);
    expect(fc.features.length).toBeGreaterThan(10_000);
    for (const feat of fc.features.slice(0, 200)) expect(text.slice(feat.properties.span[0], feat.properties.span[1])).toBe(feat.properties.mention);
  });
});

describe('hardening: --published', () => {
  for (const [date, message] of [
    ['2024-02-30', /"2024-02-30" does not exist \(February 2024 has 29 days\)/],
    ['24-04-2024', /"24-04-2024" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY/],
    ['2024-13', /has no month 13/],
    ['yesterday', /is not a date/],
  ] as const) {
    it.concurrent(`refuses ${date}`, async () => {
      const { code, stdout, stderr } = await newsmap('parse', 'seeds/000_90b7c182ef871e92.txt', '--published', date);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^newsmap: --published: .*${message.source}`));
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

describe('hardening: gazetteer file', () => {
  const gazetteer = () => JSON.parse(readFileSync(join(root, 'data/gazetteer.json'), 'utf8'));
  const cases: [string, () => string, RegExp][] = [
    ['invalid JSON', () => '{"version": 1, "places": [', /invalid JSON/],
    ['a missing field', () => { const g = gazetteer(); delete g.places[2].country; return JSON.stringify(g); }, /\(places\[2\]\): country: /],
    ['lat 123', () => { const g = gazetteer(); g.places[5].lat = 123; return JSON.stringify(g); }, /\(places\[5\]\): lat: .*\(got 123\)/],
    ['lon "abc"', () => { const g = gazetteer(); g.places[6].lon = 'abc'; return JSON.stringify(g); }, /\(places\[6\]\): lon: .*\(got "abc"\)/],
    ['a duplicate id', () => { const g = gazetteer(); g.places[7].id = g.places[0].id; return JSON.stringify(g); }, /\(places\[7\]\): id: duplicate id/],
  ];
  for (const [what, make, message] of cases) {
    it.concurrent(`refuses ${what}, naming the entry and the field`, async () => {
      const f = file(`gaz-${what.replace(/\W+/g, '-')}.json`, make());
      const { code, stdout, stderr } = await newsmap('parse', 'seeds/000_90b7c182ef871e92.txt', '--published', '2024-04-21', '--gazetteer', f);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr).toContain(f);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});
