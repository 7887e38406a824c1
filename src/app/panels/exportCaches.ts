import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { CSV_LAYOUT, csvCache, csvParts } from '../../core/engine/export/csvParts.ts';
import { GEOJSON_LAYOUT, geoJsonCache, geoJsonParts } from '../../core/engine/export/geojsonParts.ts';
import { RunCache } from '../../core/engine/export/runCache.ts';
import { WarmQueue } from '../../core/engine/export/warmQueue.ts';
import { holdIdleWork, idleWorkHeldFor, inputPending, whenIdle, type IdleDeadlineLike } from '../state/idle.ts';

/**
 * The app's export caches and their idle-time warm-up. Serialising 100k features takes a
 * second or more, and copying 50 MB of strings into a Blob another 0.4 s; both are done in
 * short idle slices after the corpus loads (one string per feature, one Blob per run of ~1,000
 * features of the shown list), so an export click only wraps ready Blobs in one more Blob.
 * Without the warm-up (or for features not reached yet) the export is the same, only slower.
 *
 * @example
 *   useEffect(() => warmExportCaches(features), [features]);   // after load, on every new list
 *   download(geoJsonExportParts(features), name, 'application/geo+json');
 */

const geoJsonStrings = geoJsonCache();
const csvLines = csvCache();
const geoJsonRuns = new RunCache<Blob>();
const csvRuns = new RunCache<Blob>();

export function geoJsonExportParts(features: readonly NewsmapFeature[]): BlobPart[] {
  return geoJsonParts(features, geoJsonStrings, geoJsonRuns);
}

export function csvExportParts(features: readonly NewsmapFeature[]): BlobPart[] {
  return csvParts(features, csvLines, csvRuns);
}

// GeoJSON first: it is the export people wait for, and the bigger one.
const queue = new WarmQueue<Blob>(
  [
    { strings: geoJsonStrings, layout: GEOJSON_LAYOUT, runs: geoJsonRuns },
    { strings: csvLines, layout: CSV_LAYOUT, runs: csvRuns },
  ],
  (parts) => new Blob(parts),
);
let scheduled = false;

/**
 * After a new list arrives the warm-up keeps quiet this long: an analyst clicking through
 * filters must never wait behind an idle slice (a worker's answer is not "input", so
 * isInputPending cannot let it through), and a list shown for less than this is not worth it.
 */
const SETTLE_MS = 400;

function step(deadline: IdleDeadlineLike): void {
  const wait = idleWorkHeldFor();
  if (wait > 0) {
    setTimeout(() => whenIdle(step), wait);
    return;
  }
  // The whole idle period, not a fixed few ms: a callback queued during an idle period only
  // runs in the next one (~50 ms later on a quiet page), so 8 ms slices would warm at a sixth
  // of the speed. While the page renders, the browser's deadline ends before the next frame.
  const done = queue.run(() => deadline.timeRemaining() < 1 || inputPending());
  scheduled = !done;
  if (!done) whenIdle(step);
}

/**
 * Above this many features the caches are not warmed: a million features would hold another
 * gigabyte of strings and Blobs. Such exports take the (correct, slower) cold path.
 */
export const WARM_LIMIT = 300_000;

let latest = 0;
/**
 * Warms the list `get` returns, asked for in idle time; a newer call supersedes an older one
 * that has not run yet. Returns a cancel function (a React effect cleanup).
 */
export function warmExportCachesWhenIdle(get: () => readonly NewsmapFeature[]): () => void {
  const token = ++latest;
  let cancelled = false;
  holdIdleWork(SETTLE_MS);
  setTimeout(() => whenIdle(() => {
    if (cancelled || token !== latest) return;
    const features = get();
    if (features.length <= WARM_LIMIT) warmExportCaches(features);
  }), SETTLE_MS);
  return () => {
    cancelled = true;
  };
}

/** Queues `features` for warming in idle time; cheap to call with every new list. */
export function warmExportCaches(features: readonly NewsmapFeature[]): void {
  queue.enqueue(features);
  if (scheduled || queue.idle) return;
  scheduled = true;
  whenIdle(step);
}
