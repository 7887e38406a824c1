import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * Histogram binning for the timeline. The bin unit follows the corpus' span, so a month of
 * events gets daily bars and a 2013–2024 corpus gets quarterly ones — always a readable
 * number of bars (roughly 10–80) instead of 4,000 one-pixel days.
 */
export type BinUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface TimeBin {
  /** First day in the bin, YYYY-MM-DD. */
  start: string;
  /** Last day in the bin (inclusive), YYYY-MM-DD. */
  end: string;
  count: number;
}

const DAY_MS = 86_400_000;

function toMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}
function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function chooseBinUnit(minDay: string, maxDay: string): BinUnit {
  const spanDays = (toMs(maxDay) - toMs(minDay)) / DAY_MS;
  if (spanDays <= 62) return 'day';
  if (spanDays <= 366) return 'week';
  if (spanDays <= 366 * 5) return 'month';
  if (spanDays <= 366 * 15) return 'quarter';
  return 'year';
}

/** The first day of the bin that contains `day`. Weeks start on Monday (ISO). */
export function binStart(day: string, unit: BinUnit): string {
  // String arithmetic for the calendar units: no Date allocation per event on 100k corpora.
  if (unit === 'day') return day;
  if (unit === 'year') return `${day.slice(0, 4)}-01-01`;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  if (unit === 'quarter') {
    const m = Number(day.slice(5, 7));
    return `${day.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
  }
  // ISO week: back to Monday.
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return toDay(d.getTime() - dow * DAY_MS);
}

/** The first day of the next bin. */
export function nextBinStart(start: string, unit: BinUnit): string {
  const d = new Date(`${start}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return toDay(d.getTime() + DAY_MS);
    case 'week':
      return toDay(d.getTime() + 7 * DAY_MS);
    case 'month':
      return toDay(Date.UTC(y, m + 1, 1));
    case 'quarter':
      return toDay(Date.UTC(y, m + 3, 1));
    case 'year':
      return toDay(Date.UTC(y + 1, 0, 1));
  }
}

export function dayBefore(day: string): string {
  return toDay(toMs(day) - DAY_MS);
}

export interface Histogram {
  unit: BinUnit;
  bins: TimeBin[];
  /** Features without a date, which no bin can hold. */
  undated: number;
}

/**
 * Bins dated features (the reference the dashboard's one-pass `queryTable` is tested
 * against). Every bin between the first and the last event is present (empty bins
 * included) so the x axis is linear in time. `extent` can force the range (e.g. the whole
 * corpus while `features` is the filtered set) so bars do not jump when filters change.
 */
export function binByTime(
  features: readonly NewsmapFeature[],
  extent?: { min: string; max: string } | null,
  unit?: BinUnit,
): Histogram {
  let min = extent?.min ?? null;
  let max = extent?.max ?? null;
  let undated = 0;
  if (!extent) {
    for (const f of features) {
      const d = f.properties.date;
      if (d === null) continue;
      if (min === null || d < min) min = d;
      if (max === null || d > max) max = d;
    }
  }
  if (min === null || max === null) {
    for (const f of features) if (f.properties.date === null) undated += 1;
    return { unit: unit ?? 'month', bins: [], undated };
  }
  const u = unit ?? chooseBinUnit(min, max);
  const bins: TimeBin[] = [];
  const index = new Map<string, number>();
  for (let s = binStart(min, u); s <= max; s = nextBinStart(s, u)) {
    index.set(s, bins.length);
    bins.push({ start: s, end: dayBefore(nextBinStart(s, u)), count: 0 });
  }
  // Events share days: memoise day → bin index.
  const dayToBin = new Map<string, number | undefined>();
  for (const f of features) {
    const d = f.properties.date;
    if (d === null) {
      undated += 1;
      continue;
    }
    let i = dayToBin.get(d);
    if (i === undefined && !dayToBin.has(d)) {
      i = index.get(binStart(d, u));
      dayToBin.set(d, i);
    }
    if (i !== undefined) bins[i]!.count += 1;
  }
  return { unit: u, bins, undated };
}

/** The dated extent of a corpus, or null when nothing is dated. */
export function dateExtent(features: readonly NewsmapFeature[]): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const f of features) {
    const d = f.properties.date;
    if (d === null) continue;
    if (min === null || d < min) min = d;
    if (max === null || d > max) max = d;
  }
  return min === null || max === null ? null : { min, max };
}
