/**
 * The context labels' look and thinning, shared by the build (which estimates label boxes to
 * thin places per zoom) and the map (which measures the real ones).
 */
import type { LabelBox } from './placeLabels.ts';

/** Zooms with town and city labels. Below CITY_MIN_ZOOM only countries are named. */
export const CITY_MIN_ZOOM = 5;
export const CITY_MAX_ZOOM = 12;

/**
 * Least importance (population; capitals and seats weigh more) labelled at a zoom: a few large
 * cities at zoom 5, towns of a few thousand from zoom 10, every town of cities500 at 12.
 */
export function CITY_FLOOR(zoom: number): number {
  const floors: Record<number, number> = { 5: 2_000_000, 6: 500_000, 7: 150_000, 8: 40_000, 9: 10_000, 10: 3_000, 11: 1_000 };
  return floors[zoom] ?? (zoom < CITY_MIN_ZOOM ? Infinity : 0);
}

/** Font sizes, CSS px. */
export const CITY_FONT_PX = 11;
export const DOT_RADIUS = 2.5;
/** Gap between the dot and its text, and around every label box. */
export const LABEL_GAP = 3;
export const LABEL_PAD = 2;

/**
 * The box a label will take, estimated for the build from its length (the map measures the
 * real one): a dot at the anchor, the text to its right, vertically centred.
 */
export function estimateLabelBox(name: string): LabelBox {
  const width = name.length * CITY_FONT_PX * 0.58;
  const half = CITY_FONT_PX * 0.7;
  return { left: -DOT_RADIUS - LABEL_PAD, top: -half - LABEL_PAD, right: DOT_RADIUS + LABEL_GAP + width + LABEL_PAD, bottom: half + LABEL_PAD };
}
