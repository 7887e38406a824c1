import { z } from 'zod';

/** One entry of a corpus directory's articles.json. */
export const corpusEntrySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  published: z.string(),
  source: z.string().nullable().optional(),
  file: z.string().min(1),
  note: z.string().optional(),
}).strict();
export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Parses articles.json; the message names the file, the entry and the field. */
export function parseCorpusIndex(text: string, file: string): CorpusEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CorpusError(`${file}: invalid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(value)) throw new CorpusError(`${file}: expected an array of articles`);
  return value.map((entry, i) => {
    const r = corpusEntrySchema.safeParse(entry);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? ` "${(entry as { id: string }).id}"` : '';
    throw new CorpusError(`${file}: article${id} ([${i}]): ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
  });
}
