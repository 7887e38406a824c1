import { round6 } from '../../geoparser/geojson/round.ts';
import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * ACLED's CSV: one row per feature, under ACLED's column names (issue 11) so analysts load it
 * into the tools they already use, then newsmap's own columns. A LineString (the pipeline) is
 * given the coordinates of its middle vertex so it still sorts and plots somewhere sensible in
 * a spreadsheet.
 *
 * ACLED column ← newsmap property:
 * - event_id_cnty ← id; event_date ← date; year ← its year;
 * - time_precision ← date_precision as ACLED's code (1 day, 2 week, 3 month or coarser);
 * - event_type, sub_event_type, fatalities ← the same (empty on bases, pipelines and places);
 * - actor1 ← actor (the initiator), actor2 ← target;
 * - country ← the country's English name (country_code keeps the ISO code);
 * - location ← place_name; latitude, longitude ← the point;
 * - geo_precision ← geo_precision as ACLED's code (1 site or town, 3 region or country);
 * - source ← article_title; notes ← quote (the sentence).
 */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
] as const;

/** newsmap's own columns after ACLED's: what ACLED has no column for, in its own words. */
export const NEWSMAP_COLUMNS = [
  'id',
  'kind',
  'actors',
  'date_precision',
  'place_precision',
  'country_code',
  'place_id',
  'mention',
  'confidence',
  'article_id',
  'published',
  'corrected',
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...NEWSMAP_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** ACLED's time_precision: 1 a day, 2 a week (or a few days), 3 a month; coarser dates are 3 too. */
const TIME_PRECISION = { day: '1', week: '2', month: '3', year: '3' } as const;
/** ACLED's geo_precision: 1 the town or site itself, 2 near it or part of a region, 3 a region or larger. */
const GEO_PRECISION = { site: '1', city: '1', region: '3', country: '3' } as const;

const regionNames = typeof Intl !== 'undefined' && 'DisplayNames' in Intl ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }) : null;
const countryNames = new Map<string, string>();

/** "Yemen" for "YE", as ACLED writes its country column; the code itself when it names no region. */
export function countryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      name = /^[A-Z]{2}$/.test(code) && regionNames ? regionNames.of(code) ?? code : code;
    } catch {
      name = code;
    }
    countryNames.set(code, name);
  }
  return name;
}

/**
 * Spreadsheet programs evaluate a cell that starts with = + - @ (and tab/CR, which some
 * strip first) as a formula: CSV injection. A leading apostrophe makes them show it as text.
 * Only text cells get this; numbers (a negative longitude) are written as numbers.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: wrap in quotes when needed, double the quotes inside. */
export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function textCell(value: string | null): string {
  return value === null ? '' : quoteCsv(neutraliseFormula(value));
}

function numberCell(value: number): string {
  return Number.isFinite(value) ? String(round6(value)) : '';
}

export function representativePoint(f: NewsmapFeature): [number, number] {
  if (f.geometry.type === 'Point') return f.geometry.coordinates;
  const coords = f.geometry.coordinates;
  return coords[Math.floor((coords.length - 1) / 2)] ?? coords[0]!;
}

export function csvRow(f: NewsmapFeature): string {
  const p = f.properties;
  const [lon, lat] = representativePoint(f);
  const cells: Record<CsvColumn, string> = {
    event_id_cnty: textCell(f.id),
    event_date: textCell(p.date),
    year: p.date ? p.date.slice(0, 4) : '',
    time_precision: p.date_precision ? TIME_PRECISION[p.date_precision] : '',
    event_type: textCell(p.event_type ?? null),
    sub_event_type: textCell(p.sub_event_type ?? null),
    actor1: textCell(p.actor),
    actor2: textCell(p.target),
    country: textCell(countryName(p.country)),
    location: textCell(p.place_name),
    latitude: numberCell(lat),
    longitude: numberCell(lon),
    geo_precision: GEO_PRECISION[p.geo_precision] ?? '',
    source: textCell(p.article_title),
    notes: textCell(p.quote),
    fatalities: typeof p.fatalities === 'number' && Number.isFinite(p.fatalities) ? String(p.fatalities) : '',
    id: textCell(f.id),
    kind: textCell(p.kind),
    actors: textCell(p.actors.join('; ')),
    date_precision: textCell(p.date_precision),
    place_precision: textCell(p.geo_precision),
    country_code: textCell(p.country),
    place_id: textCell(p.place_id),
    mention: textCell(p.mention),
    confidence: numberCell(p.confidence),
    article_id: textCell(p.article_id),
    published: textCell(p.published),
    // "true" where an analyst changed the feature (issue 4), empty otherwise.
    corrected: p.corrected ? 'true' : '',
  };
  return CSV_COLUMNS.map((c) => cells[c]).join(',');
}

/** CRLF line ends, as RFC 4180 says and Excel expects. */
export function exportCSV(features: readonly NewsmapFeature[]): string {
  return [CSV_COLUMNS.join(','), ...features.map(csvRow)].join('\r\n') + '\r\n';
}

/** A small RFC 4180 reader, used by tests and by anyone re-importing an export. */
export function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
