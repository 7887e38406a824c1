/** Rounds a coordinate to 6 decimals (about 11 cm), the precision RFC 7946 output keeps. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}
