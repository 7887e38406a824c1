/**
 * Pure scoring functions of the evaluation harness: distances, span matching and the field's
 * metrics (precision/recall/F1, accuracy at 161 km, AUC of Gritta et al. 2018). No I/O.
 *
 * @example
 * haversineKm(51.5074, -0.1278, 48.8566, 2.3522) // ≈ 343.6
 * prf(8, 10, 8, 16)                              // { precision: 0.8, recall: 0.5, f1: 0.615… }
 */

/** The threshold of the field's accuracy: 161 km, i.e. 100 miles. */
export const ACC_KM = 161;
/** Half the Earth's circumference in km: the largest possible error, AUC's normaliser. */
export const MAX_ERROR_KM = 20039;
const EARTH_RADIUS_KM = 6371.0088;

export interface Span {
  start: number;
  end: number;
}

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  // min(1, …): rounding can push `a` a hair above 1 for antipodes, and asin would return NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
}

/** Same start and end. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The spans share at least one character (end exclusive, so touching spans do not overlap). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * Precision, recall and F1 from counts. Precision and recall are counted on their own sides
 * (predictions that match ÷ predictions, gold found ÷ gold), because with overlapping spans one
 * prediction can cover two gold toponyms and the two numerators differ. null when a denominator is 0.
 */
export function prf(predictedCorrect: number, predicted: number, goldFound: number, gold: number): Prf {
  const precision = predicted ? predictedCorrect / predicted : null;
  const recall = gold ? goldFound / gold : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Recognition counts for one article: how many predicted spans match gold and how many gold are found. */
export interface SpanCounts {
  predicted: number;
  gold: number;
  strictPredicted: number;
  strictGold: number;
  overlapPredicted: number;
  overlapGold: number;
}

/**
 * Counts span matches between predictions and gold, strict (exact start and end) and
 * overlapping. Predicted spans are deduplicated first: two features on one span are one
 * recognised name.
 *
 * @example
 * matchSpans([{ start: 0, end: 5 }], [{ start: 0, end: 5 }, { start: 9, end: 12 }]).strictGold // 1
 */
export function matchSpans(predicted: readonly Span[], gold: readonly Span[]): SpanCounts {
  const pred = uniqueSpans(predicted);
  const golds = uniqueSpans(gold);
  let strictPredicted = 0;
  let overlapPredicted = 0;
  for (const p of pred) {
    if (golds.some((g) => sameSpan(p, g))) strictPredicted++;
    if (golds.some((g) => overlaps(p, g))) overlapPredicted++;
  }
  let strictGold = 0;
  let overlapGold = 0;
  for (const g of golds) {
    if (pred.some((p) => sameSpan(p, g))) strictGold++;
    if (pred.some((p) => overlaps(p, g))) overlapGold++;
  }
  return { predicted: pred.length, gold: golds.length, strictPredicted, strictGold, overlapPredicted, overlapGold };
}

/** Adds span counts article by article (micro-averaging over the corpus). */
export function addCounts(a: SpanCounts, b: SpanCounts): SpanCounts {
  return {
    predicted: a.predicted + b.predicted, gold: a.gold + b.gold,
    strictPredicted: a.strictPredicted + b.strictPredicted, strictGold: a.strictGold + b.strictGold,
    overlapPredicted: a.overlapPredicted + b.overlapPredicted, overlapGold: a.overlapGold + b.overlapGold,
  };
}

export const ZERO_COUNTS: SpanCounts = { predicted: 0, gold: 0, strictPredicted: 0, strictGold: 0, overlapPredicted: 0, overlapGold: 0 };

/** Spans without repeats, in their first order. */
export function uniqueSpans<T extends Span>(spans: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const s of spans) {
    const k = `${s.start}:${s.end}`;
    if (!seen.has(k)) { seen.add(k); out.push(s); }
  }
  return out;
}

/**
 * Area under the curve of the sorted ln(1 + error_km), normalised by ln(20039) and the number
 * of steps (Gritta et al. 2018, as in their code: numpy's trapezoid rule over unit steps).
 * 0 is perfect, 1 the worst; lower is better. null for no errors.
 *
 * @example
 * auc([0, 0]) // 0
 * auc([20039]) // 1
 */
export function auc(errorsKm: readonly number[]): number | null {
  if (!errorsKm.length) return null;
  const y = errorsKm.map((e) => Math.log(1 + Math.min(Math.max(e, 0), MAX_ERROR_KM))).sort((a, b) => a - b);
  const norm = Math.log(1 + MAX_ERROR_KM);
  if (y.length === 1) return y[0]! / norm;
  let area = 0;
  for (let i = 1; i < y.length; i++) area += (y[i - 1]! + y[i]!) / 2;
  return area / (norm * (y.length - 1));
}

/** Share of errors within `km` (161 by default); null for none. */
export function accuracyAt(errorsKm: readonly number[], km = ACC_KM): number | null {
  if (!errorsKm.length) return null;
  return errorsKm.filter((e) => e <= km).length / errorsKm.length;
}

export function mean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** The q-quantile (0..1) by the nearest-rank method, so it is always one of the values. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** The median: the mean of the two middle values for an even count. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** a ÷ b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b ? a / b : null;
}
