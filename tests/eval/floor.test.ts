import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFloor, FloorError, makeFloor, readFloor, writeFloor, type FloorFile, type FloorFigures } from '../../src/eval/floor.ts';

const figures = (r: number, p: number, f1: number, acc: number): FloorFigures => ({
  end_to_end_recall_161: r, end_to_end_precision_161: p, recognition_overlap_f1: f1, resolution_acc_161: acc,
});

const floor: FloorFile = {
  provenance: 'test',
  tolerance: 0.005,
  corpora: {
    lgl: figures(0.2, 0.6, 0.4, 0.45),
    geovirus: figures(0.4, 0.7, 0.6, 0.5),
    fixtures: { ...figures(0.5, 0.9, 0.7, 0.8), nonlocational_plotted_rate_max: 0.1 },
  },
};

describe('checkFloor', () => {
  it('passes at the floor and within the tolerance below it', () => {
    expect(checkFloor(floor, { lgl: figures(0.2, 0.6, 0.4, 0.45), geovirus: figures(0.396, 0.9, 0.6, 0.5) })).toEqual([]);
  });

  it('gives one line per figure below its floor', () => {
    const msgs = checkFloor(floor, { lgl: figures(0.19, 0.6, 0.3, 0.45) }, 'eval/floor.json');
    expect(msgs).toEqual([
      'lgl: end-to-end recall@161 0.190 is below its floor 0.200 (eval/floor.json, tolerance 0.005)',
      'lgl: recognition F1 (overlapping spans) 0.300 is below its floor 0.400 (eval/floor.json, tolerance 0.005)',
    ]);
  });

  it('treats the non-locational rate as a ceiling', () => {
    const ok = { ...figures(0.5, 0.9, 0.7, 0.8), nonlocational_plotted_rate_max: 0.104 };
    expect(checkFloor(floor, { fixtures: ok })).toEqual([]);
    const msgs = checkFloor(floor, { fixtures: { ...ok, nonlocational_plotted_rate_max: 0.2 } });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/^fixtures: non-locational plotted rate 0\.200 is above its ceiling 0\.100/);
  });

  it('holds the event fixtures\' precision and recall as floors, and rounds them when written', () => {
    const withEvents: FloorFile = { ...floor, corpora: { fixtures: { ...figures(0.5, 0.9, 0.7, 0.8), event_precision: 0.9, event_recall: 0.85 } } };
    const now = { ...figures(0.5, 0.9, 0.7, 0.8), event_precision: 0.9, event_recall: 0.85 };
    expect(checkFloor(withEvents, { fixtures: now })).toEqual([]);
    const msgs = checkFloor(withEvents, { fixtures: { ...now, event_recall: 0.8 } });
    expect(msgs).toEqual(['fixtures: event recall (tests/fixtures/articles) 0.800 is below its floor 0.850 (eval/floor.json, tolerance 0.005)']);
    expect(makeFloor({ fixtures: { ...now, event_precision: 0.987654 } }, 'test').corpora.fixtures!.event_precision).toBe(0.9877);
  });

  it('skips corpora not run, but fails a corpus run without a figure', () => {
    expect(checkFloor(floor, {})).toEqual([]);
    const empty = { end_to_end_recall_161: null, end_to_end_precision_161: null, recognition_overlap_f1: null, resolution_acc_161: null };
    expect(checkFloor(floor, { geovirus: empty })).toHaveLength(4);
  });
});

describe('makeFloor, writeFloor, readFloor', () => {
  it('rounds, keeps corpora not run, and puts the provenance first', () => {
    const made = makeFloor({ lgl: figures(0.123456, 0.5, 0.5, 0.5) }, 'npm run eval -- --write-floor, 2025-01-01', floor);
    expect(Object.keys(made)[0]).toBe('provenance');
    expect(made.corpora.lgl!.end_to_end_recall_161).toBe(0.1235);
    expect(made.corpora.geovirus).toEqual(floor.corpora.geovirus);
  });

  it('round-trips through a file and fails in one line on a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-floor-'));
    const path = join(dir, 'eval', 'floor.json'); // the directory is made when missing
    writeFloor(path, floor);
    expect(readFloor(path)).toEqual(floor);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    writeFileSync(path, '{"provenance": "x"}');
    expect(() => readFloor(path)).toThrow(FloorError);
    expect(() => readFloor(join(dir, 'none.json'))).toThrow(/none\.json: cannot read the floor \(ENOENT\)/);
  });
});
