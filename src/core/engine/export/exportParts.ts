import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import type { FeatureStringCache } from './featureStringCache.ts';
import type { RunCache } from './runCache.ts';

/**
 * Assembles an export as parts for `new Blob(parts)`: head, the features' cached strings
 * (or, where a whole cached run matches, the run's pre-built value) joined by the separator,
 * then tail. Joined as text, the parts are always head + strings.join(separator) + tail;
 * runs only make it cheaper.
 *
 * @example
 *   const layout = { head: '[', separator: ',', tail: ']' };
 *   exportParts([a, b], layout, strings);           // ['[', 'A', ',', 'B', ']']
 *   exportParts([a, b], layout, strings, runs);     // ['[', Blob('A,B'), ']'] once the run is built
 *   runParts(runOf([a, b]), layout, strings);       // ['A', ',', 'B']: what such a run holds
 */

export interface PartsLayout {
  readonly head: string;
  readonly separator: string;
  readonly tail: string;
}

export function exportParts<T>(
  features: readonly NewsmapFeature[],
  layout: PartsLayout,
  strings: FeatureStringCache,
  runs?: RunCache<T>,
): (string | T)[] {
  const parts: (string | T)[] = [layout.head];
  const sep = layout.separator;
  let i = 0;
  while (i < features.length) {
    if (i > 0 && sep !== '') parts.push(sep);
    const run = runs?.match(features, i);
    if (run !== undefined) {
      parts.push(run.value);
      i += run.features.length;
    } else parts.push(strings.get(features[i++]!));
  }
  parts.push(layout.tail);
  return parts;
}

/** The text a run's value must hold: its features' strings joined by the separator. */
export function runParts(run: readonly NewsmapFeature[], layout: PartsLayout, strings: FeatureStringCache): string[] {
  const parts: string[] = [];
  for (let i = 0; i < run.length; i++) {
    if (i > 0 && layout.separator !== '') parts.push(layout.separator);
    parts.push(strings.get(run[i]!));
  }
  return parts;
}
