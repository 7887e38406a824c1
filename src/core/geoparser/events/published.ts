/** The publication date an article's relative dates are anchored on, at the precision known. */
export interface Anchor {
  year: number;
  /** 1..12, or null when only the year is known. */
  month: number | null;
  /** 1..31, or null when the day is not known. */
  day: number | null;
  precision: 'day' | 'month' | 'year';
}

export class DateFormatError extends Error {
  override name = 'DateFormatError';
}

/**
 * Parses a publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Impossible dates
 * (2024-02-30) and other formats (24-04-2024) throw a one-line DateFormatError.
 *
 * @example
 * parsePublished('2024-04') // { year: 2024, month: 4, day: null, precision: 'month' }
 */
export function parsePublished(value: string, field = 'published'): Anchor {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new DateFormatError(`${field}: "${value}" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY`);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (year < 1000) throw new DateFormatError(`${field}: "${value}" has an implausible year`);
  if (month !== null && (month < 1 || month > 12)) throw new DateFormatError(`${field}: "${value}" has no month ${m[2]}`);
  if (day !== null && (day < 1 || day > daysInMonth(year, month!))) {
    throw new DateFormatError(`${field}: "${value}" does not exist (${monthName(month!)} ${year} has ${daysInMonth(year, month!)} days)`);
  }
  return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]!;
}
