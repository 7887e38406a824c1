import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * What an import would change, feature by feature against what the workspace already shows:
 * new features, features whose id is there with other content (the import replaces them), and
 * features already there exactly. "9 features, all already in the workspace" is then said, not
 * silently re-added.
 *
 * @example
 * const s = summariseImport(imported, (id) => featureById(table, id));
 * s.fresh.length, s.updated.length, s.present.length
 * importMessage(s, 'export.geojson', 'newsmap') // "export.geojson: 9 features, all already in the workspace."
 */
export interface ImportSummary {
  fresh: NewsmapFeature[];
  updated: NewsmapFeature[];
  present: NewsmapFeature[];
}

/** JSON with keys in order and absent ≡ null, so key order or an omitted null is no change. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same place, same properties (a re-imported export of an unchanged feature). */
export function sameFeature(a: NewsmapFeature, b: NewsmapFeature): boolean {
  return a === b || (canonical(a.geometry) === canonical(b.geometry) && canonical(a.properties) === canonical(b.properties));
}

export function summariseImport(imported: readonly NewsmapFeature[], known: (id: string) => NewsmapFeature | null): ImportSummary {
  const out: ImportSummary = { fresh: [], updated: [], present: [] };
  for (const f of imported) {
    const old = known(f.id);
    if (old === null) out.fresh.push(f);
    else if (sameFeature(old, f)) out.present.push(f);
    else out.updated.push(f);
  }
  return out;
}

const features = (n: number) => `${n.toLocaleString('en')} feature${n === 1 ? '' : 's'}`;

/**
 * One line for the analyst. Keeps "Imported N features from NAME" when anything changes, and
 * says so when nothing does.
 */
export function importMessage(s: ImportSummary, fileName: string, source: 'newsmap' | 'foreign'): string {
  const total = s.fresh.length + s.updated.length + s.present.length;
  if (total === 0) return `${fileName}: no features to import.`;
  if (s.fresh.length === 0 && s.updated.length === 0) {
    return total === 1 ? `${fileName}: 1 feature, already in the workspace.` : `${fileName}: ${features(total)}, all already in the workspace.`;
  }
  const parts: string[] = [];
  if (s.fresh.length > 0 && s.fresh.length < total) parts.push(`${s.fresh.length.toLocaleString('en')} new`);
  if (s.updated.length > 0) parts.push(`${s.updated.length.toLocaleString('en')} updated`);
  if (s.present.length > 0) parts.push(`${s.present.length.toLocaleString('en')} already in the workspace`);
  return `Imported ${features(total)} from ${fileName}${source === 'foreign' ? ' (as generic events)' : ''}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}
