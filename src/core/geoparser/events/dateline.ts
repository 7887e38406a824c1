import { anchorEnd } from './dates.ts';
import { daysInMonth, type Anchor } from './published.ts';

/** A wire dateline at the head of an article: "MOSCOW, Feb 24 (Reuters) -". */
export interface Dateline {
  /** Offsets of the whole dateline in the article, end exclusive (up to and including the dash). */
  start: number;
  end: number;
  /** The city as written ("GAZA", "PESHAWAR"). */
  city: string;
  /** The agency in brackets, if any ("Reuters", "AP"). */
  agency: string | null;
  /** The dateline's day, when it gives one (AP datelines do not). */
  month: number | null;
  day: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * CITY[, Region][, Mon DD][ (Agency)] then a dash: "BAGHDAD (AP) —", "MOSCOW, Feb 24 (Reuters) -",
 * "GAZA, April 17 (Xinhua) --", "PESHAWAR, Pakistan, Oct 12 (Xinhua) --". The city is in
 * capitals, which keeps an ordinary sentence ("Kyiv - the capital ...") from reading as one.
 */
const DATELINE = /(?<city>[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,3})(?:,\s*(?<region>[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,2}))?(?:,\s*(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<day>\d{1,2}))?\s*(?:\((?<agency>[A-Za-z][A-Za-z .&/-]{0,30})\))?\s*(?<dash>—|–|--|-|:)\s/y;

/** How far into the text a dateline may start: past a title line and a byline, not into the story. */
export const DATELINE_REACH = 600;

/**
 * Finds the dateline that opens the article's body: at the start of the text or of one of its
 * first lines. A dateline needs an agency, a date or a long dash, so a line opening with an
 * upper-case word and a hyphen is not taken for one.
 *
 * @example
 * findDateline('MOSCOW, Feb 24 (Reuters) - Russia said ...') // { city: 'MOSCOW', month: 2, day: 24, agency: 'Reuters', … }
 */
export function findDateline(text: string): Dateline | null {
  for (let at = 0; at >= 0 && at < Math.min(text.length, DATELINE_REACH); at = nextLine(text, at)) {
    let start = at;
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    DATELINE.lastIndex = start;
    const m = DATELINE.exec(text);
    const g = m?.groups;
    if (!m || !g) continue;
    if (!g.agency && !g.month && g.dash !== '—' && g.dash !== '--') continue;
    const month = g.month ? MONTHS.indexOf(g.month.toLowerCase()) + 1 : null;
    const day = g.day ? Number(g.day) : null;
    return { start, end: start + m[0].trimEnd().length, city: g.city!, agency: g.agency ?? null, month, day };
  }
  return null;
}

function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? -1 : nl + 1;
}

/**
 * The article's own clock: the dateline's day when it gives one, else the publication date.
 * A dateline carries no year: it takes the publication's, or the year before when its day would
 * fall after the publication ("Dec 30" in a paper of 2 January). A day that does not exist
 * ("Feb 30") or that still falls after publication is ignored.
 *
 * @example
 * articleAnchor('KYIV, Feb 24 (Reuters) - …', parsePublished('2024-02-25')) // 2024-02-24, day precision
 * articleAnchor('GAZA (AP) — …', parsePublished('2024-04'))               // the publication anchor as given
 */
export function articleAnchor(text: string, published: Anchor): Anchor {
  const line = findDateline(text);
  if (!line || line.month === null || line.day === null) return published;
  const end = anchorEnd(published);
  // The year before only across a new year: a December dateline in a January paper.
  const years = published.month !== null && line.month > published.month ? [published.year - 1] : [published.year];
  for (const year of years) {
    if (line.day < 1 || line.day > daysInMonth(year, line.month)) continue;
    const iso = `${year}-${String(line.month).padStart(2, '0')}-${String(line.day).padStart(2, '0')}`;
    if (iso <= end) return { year, month: line.month, day: line.day, precision: 'day' };
  }
  return published;
}
