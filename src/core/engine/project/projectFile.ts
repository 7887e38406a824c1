import { z } from 'zod';
import { correctionSchema } from '../corrections/corrections.ts';
import { gazetteerFileSchema } from '../../geoparser/gazetteer/schema.ts';
import { newsmapFeatureSchema, type NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/** An article an analyst added in the browser, with the features the worker found in it. */
export const storedArticleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  source: z.string().nullable(),
  text: z.string(),
  added: z.string().datetime(),
  features: z.array(newsmapFeatureSchema),
});
export type StoredArticle = Omit<z.infer<typeof storedArticleSchema>, 'features'> & { features: NewsmapFeature[] };

/**
 * The whole workspace as one JSON file: move machines or share work. Version 2 anchors each
 * correction to its mention's words and offsets; a version 1 file (corrections keyed by feature
 * id) still loads, its corrections anchored from their ids when they are applied.
 */
export const projectFileSchema = z.object({
  format: z.literal('newsmap-project'),
  version: z.union([z.literal(1), z.literal(2)]),
  exported: z.string().datetime(),
  articles: z.array(storedArticleSchema),
  corrections: z.array(correctionSchema),
  userGazetteer: gazetteerFileSchema,
});
export type ProjectFile = z.infer<typeof projectFileSchema>;

export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
}

/** Serialises a workspace. */
export function exportProject(p: Omit<ProjectFile, 'format' | 'version' | 'exported'>, now = new Date()): string {
  const file: ProjectFile = { format: 'newsmap-project', version: 2, exported: now.toISOString(), ...p };
  return JSON.stringify(projectFileSchema.parse(file), null, 1);
}

/** Parses a project file; refuses the whole file, naming the first problem, if any part is invalid. */
export function importProject(text: string, fileName: string): ProjectFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ProjectFileError(`${fileName}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const r = projectFileSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ProjectFileError(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const a of r.data.articles) {
    if (ids.has(a.id)) throw new ProjectFileError(`${fileName}: articles: duplicate article id "${a.id}"`);
    ids.add(a.id);
  }
  return r.data;
}
