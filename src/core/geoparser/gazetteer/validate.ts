import { gazetteerFileSchema, type GazetteerFile } from './schema.ts';

/** A gazetteer that fails validation; the message is one line naming the entry and the field. */
export class GazetteerError extends Error {
  override name = 'GazetteerError';
}

/**
 * Validates a parsed gazetteer file: the schema, unique ids, and references between entries.
 * Throws a GazetteerError whose message names the file, the entry id and the field.
 *
 * @example
 * validateGazetteer({ version: 1, places: [{ id: 'x', lat: 123, ... }], routes: [] }, 'gaz.json')
 * // GazetteerError: gaz.json: place "x" (places[0]): lat: must be at most 90 (got 123)
 */
export function validateGazetteer(value: unknown, file = 'gazetteer.json'): GazetteerFile {
  const parsed = gazetteerFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GazetteerError(`${file}: ${describeIssue(value, issue.path, issue.message)}`);
  }
  const gazetteer = parsed.data;
  const ids = new Set<string>();
  gazetteer.places.forEach((place, i) => {
    if (ids.has(place.id)) throw new GazetteerError(`${file}: place "${place.id}" (places[${i}]): id: duplicate id`);
    ids.add(place.id);
  });
  gazetteer.places.forEach((place, i) => {
    const refs = [...(place.near ?? []).map((r) => ['near', r] as const), ...(place.parent ? [['parent', place.parent] as const] : [])];
    for (const [field, ref] of refs) {
      if (!ids.has(ref)) throw new GazetteerError(`${file}: place "${place.id}" (places[${i}]): ${field}: unknown place id "${ref}"`);
    }
  });
  gazetteer.routes.forEach((route, i) => {
    const where = `route "${route.id}" (routes[${i}])`;
    for (const w of route.waypoints) {
      if (!ids.has(w)) throw new GazetteerError(`${file}: ${where}: waypoints: unknown place id "${w}"`);
    }
    for (const s of route.sections) {
      for (const field of ['from', 'to'] as const) {
        if (!route.waypoints.includes(s[field])) throw new GazetteerError(`${file}: ${where}: sections.${field}: "${s[field]}" is not a waypoint of the route`);
      }
    }
  });
  return gazetteer;
}

/** Parses gazetteer JSON text; bad JSON is reported with its position, in one line. */
export function parseGazetteerJson(text: string, file = 'gazetteer.json'): GazetteerFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new GazetteerError(`${file}: invalid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  return validateGazetteer(value, file);
}

function describeIssue(root: unknown, path: PropertyKey[], message: string): string {
  const [section, index, ...rest] = path;
  let where = path.length ? path.map(String).join('.') : '(root)';
  if ((section === 'places' || section === 'routes') && typeof index === 'number') {
    const entry = (root as Record<string, unknown[]>)[section]?.[index] as { id?: unknown } | undefined;
    const id = typeof entry?.id === 'string' ? `"${entry.id}"` : '(no id)';
    const field = rest.length ? rest.map(String).join('.') : '(entry)';
    where = `${section === 'places' ? 'place' : 'route'} ${id} (${section}[${index}]): ${field}`;
  }
  const input = path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), root);
  const got = input !== undefined && (typeof input !== 'object' || input === null) ? ` (got ${JSON.stringify(input)})` : '';
  return `${where}: ${message.replace(/\s+/g, ' ')}${got}`;
}
