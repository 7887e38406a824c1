/**
 * Whether a clause speaks of what has not happened yet. Dates and events both ask: a weekday
 * in such a clause resolves forwards ("will meet on Monday"), and an event in it may be dated
 * after the publication date. One list, so the two never disagree.
 *
 * @example
 * speaksOfFuture('Iran will respond') // true
 * speaksOfFuture('Iran responded')    // false
 */

const FUTURE = /\b(?:will|shall|would|is to|are to|plans? to|planning to|is expected to|are expected to|is due to|are due to|was due to|were due to|is set to|are set to|intends? to|going to|scheduled)\b/i;

export function speaksOfFuture(clause: string): boolean {
  return FUTURE.test(clause);
}
