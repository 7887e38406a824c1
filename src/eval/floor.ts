/**
 * The committed floor of scores (eval/floor.json) that CI checks: per corpus, the end-to-end
 * recall and precision at 161 km, the recognition F1 with overlapping spans and the resolution
 * accuracy at 161 km must not drop more than `tolerance` below it; for the fixtures, the share
 * of non-locational uses plotted must not rise more than `tolerance` above its ceiling, and the
 * event precision and recall on the event fixtures must not drop below theirs.
 *
 * @example
 * checkFloor(readFloor('eval/floor.json'), { lgl: figures }) // [] or ["lgl: end-to-end recall@161 0.190 is below its floor 0.200"]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CorpusName } from './corpora.ts';

export const TOLERANCE = 0.005;

/** The figures a floor holds for one corpus; null where the corpus cannot give one. */
export interface FloorFigures {
  end_to_end_recall_161: number | null;
  end_to_end_precision_161: number | null;
  recognition_overlap_f1: number | null;
  resolution_acc_161: number | null;
  /** Fixtures only: a ceiling, not a floor. */
  nonlocational_plotted_rate_max?: number | null;
  /** Fixtures only: strikes with the right place, initiator and day (issue 11's event metrics). */
  event_precision?: number | null;
  event_recall?: number | null;
}

export interface FloorFile {
  /** How the floor was made: the command, the date and the commit. */
  provenance: string;
  tolerance: number;
  corpora: Partial<Record<CorpusName, FloorFigures>>;
}

const LABELS: Record<keyof FloorFigures, string> = {
  end_to_end_recall_161: 'end-to-end recall@161',
  end_to_end_precision_161: 'end-to-end precision@161',
  recognition_overlap_f1: 'recognition F1 (overlapping spans)',
  resolution_acc_161: 'resolution acc@161 (gold spans)',
  nonlocational_plotted_rate_max: 'non-locational plotted rate',
  event_precision: 'event precision (tests/fixtures/articles)',
  event_recall: 'event recall (tests/fixtures/articles)',
};

export class FloorError extends Error {
  override name = 'FloorError';
}

export function readFloor(path: string): FloorFile {
  let data: FloorFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as FloorFile;
  } catch (e) {
    throw new FloorError(`${path}: cannot read the floor (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); write one with npm run eval -- --write-floor`);
  }
  if (typeof data !== 'object' || data === null || typeof data.corpora !== 'object' || data.corpora === null) {
    throw new FloorError(`${path}: not a floor file (no "corpora" object)`);
  }
  return data;
}

/**
 * One message per figure that fell below its floor (or rose above its ceiling) by more than the
 * tolerance. Corpora of the floor that were not run (--only) are not checked; a corpus that was
 * run but gave no figure where the floor has one fails, so an emptied corpus cannot pass.
 */
export function checkFloor(floor: FloorFile, current: Partial<Record<CorpusName, FloorFigures>>, path = 'eval/floor.json'): string[] {
  const tol = typeof floor.tolerance === 'number' ? floor.tolerance : TOLERANCE;
  const messages: string[] = [];
  for (const [corpus, figures] of Object.entries(floor.corpora) as [CorpusName, FloorFigures][]) {
    if (!(corpus in current)) continue;
    const now = current[corpus]!;
    for (const key of Object.keys(LABELS) as (keyof FloorFigures)[]) {
      const limit = figures[key];
      if (typeof limit !== 'number') continue;
      const value = now[key];
      const label = LABELS[key];
      if (typeof value !== 'number') {
        messages.push(`${corpus}: ${label} has no value now, but ${path} has ${limit.toFixed(3)}`);
      } else if (key === 'nonlocational_plotted_rate_max' ? value > limit + tol : value < limit - tol) {
        const side = key === 'nonlocational_plotted_rate_max' ? 'above its ceiling' : 'below its floor';
        messages.push(`${corpus}: ${label} ${value.toFixed(3)} is ${side} ${limit.toFixed(3)} (${path}, tolerance ${tol})`);
      }
    }
  }
  return messages;
}

/** Figures rounded to 4 decimals, for a file people read in diffs. */
function rounded(f: FloorFigures): FloorFigures {
  const r = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x * 1e4) / 1e4 : null);
  const out: FloorFigures = {
    end_to_end_recall_161: r(f.end_to_end_recall_161),
    end_to_end_precision_161: r(f.end_to_end_precision_161),
    recognition_overlap_f1: r(f.recognition_overlap_f1),
    resolution_acc_161: r(f.resolution_acc_161),
  };
  if (f.nonlocational_plotted_rate_max !== undefined) out.nonlocational_plotted_rate_max = r(f.nonlocational_plotted_rate_max);
  if (f.event_precision !== undefined) out.event_precision = r(f.event_precision);
  if (f.event_recall !== undefined) out.event_recall = r(f.event_recall);
  return out;
}

/**
 * The floor file for the figures of this run; corpora not run keep their old floor, so
 * `--only lgl --write-floor` moves LGL's floor alone.
 */
export function makeFloor(current: Partial<Record<CorpusName, FloorFigures>>, provenance: string, previous?: FloorFile): FloorFile {
  const corpora: Partial<Record<CorpusName, FloorFigures>> = { ...(previous?.corpora ?? {}) };
  for (const [name, figures] of Object.entries(current) as [CorpusName, FloorFigures][]) corpora[name] = rounded(figures);
  return { provenance, tolerance: TOLERANCE, corpora };
}

export function writeFloor(path: string, floor: FloorFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(floor, null, 2)}\n`);
}
