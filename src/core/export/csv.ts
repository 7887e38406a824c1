import { round6 } from '../geojson/round.ts';
import type { NewsmapFeature } from '../geojson/schema.ts';

/**
 * ACLED-like CSV: one row per feature, the columns analysts already load into their tools.
 * A LineString (the pipeline) is given the coordinates of its middle vertex so it still sorts
 * and plots somewhere sensible in a spreadsheet.
 */
export const CSV_COLUMNS = [
  'date',
  'date_precision',
  'kind',
  'actor',
  'actors',
  'target',
  'place',
  'country',
  'lat',
  'lon',
  'geo_precision',
  'quote',
  'article',
  'published',
  'corrected',
] as const;

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
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    date: textCell(p.date),
    date_precision: textCell(p.date_precision),
    kind: textCell(p.kind),
    actor: textCell(p.actor),
    actors: textCell(p.actors.join('; ')),
    target: textCell(p.target),
    place: textCell(p.place_name),
    country: textCell(p.country),
    lat: numberCell(lat),
    lon: numberCell(lon),
    geo_precision: textCell(p.geo_precision),
    quote: textCell(p.quote),
    article: textCell(p.article_title),
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
