import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, renameSync, statSync, existsSync, unlinkSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArticle } from '../core/geoparser/parseArticle.ts';
import { parsePublished } from '../core/geoparser/events/published.ts';
import type { NewsmapCollection, NewsmapFeature } from '../core/geoparser/geojson/schema.ts';
import type { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import { loadIndex, DEFAULT_GAZETTEER } from './loadGazetteer.ts';
import { readArticleFile } from './readArticleFile.ts';
import { parseCorpusIndex, type CorpusEntry } from './corpus.ts';

const USAGE = `usage:
  newsmap parse <article.txt> [--published YYYY-MM-DD|YYYY-MM|YYYY] [--title "..."] [--id ID] [--gazetteer FILE]
  newsmap ingest [DIR=seeds] [--out FILE] [--gazetteer FILE]`;

/** Thrown for a failure that ends the command with a one-line message. */
class UsageError extends Error {}

/**
 * Entry point of the `newsmap` command. Returns the exit status; everything on stdout is the
 * requested data, every error is one line on stderr.
 */
export async function main(argv: string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'parse') return parseCommand(rest, io);
    if (command === 'ingest') return ingestCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  } catch (e) {
    io.err(`newsmap: ${oneLine(e)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

function parseCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  const { values, positionals } = args(argv, { published: { type: 'string' }, title: { type: 'string' }, id: { type: 'string' }, gazetteer: { type: 'string' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`parse takes one article file\n${USAGE}`);
  if (values.published !== undefined) parsePublished(values.published, '--published');
  const text = readArticleFile(file);
  const listed = findInCorpusIndex(file);
  const published = values.published ?? listed?.published ?? publishedFromFile(file, io);
  const index = loadIndex(values.gazetteer ?? DEFAULT_GAZETTEER);
  const id = values.id ?? listed?.id ?? basename(file).replace(/\.[^.]+$/, '');
  const title = values.title ?? listed?.title ?? firstLine(text);
  const { collection } = parseArticle({ id, title, published, text }, index);
  io.out(`${JSON.stringify(collection, null, 2)}\n`);
  return 0;
}

function ingestCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  const { values, positionals } = args(argv, { out: { type: 'string' }, gazetteer: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError(`ingest takes one directory\n${USAGE}`);
  const dir = positionals[0] ?? 'seeds';
  const indexFile = join(dir, 'articles.json');
  let listing: string;
  try {
    listing = readFileSync(indexFile, 'utf8');
  } catch (e) {
    throw new Error(`${indexFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (a corpus directory lists its articles in articles.json)' : (e as Error).message}`);
  }
  const entries = parseCorpusIndex(listing, indexFile);
  const index = loadIndex(values.gazetteer ?? DEFAULT_GAZETTEER);
  const features: NewsmapFeature[] = [];
  let failures = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    try {
      if (seen.has(entry.id)) throw new Error(`duplicate article id "${entry.id}"`);
      seen.add(entry.id);
      features.push(...parseEntry(dir, entry, index).features);
    } catch (e) {
      failures++;
      io.err(`newsmap: ${indexFile}: article "${entry.id}": ${oneLine(e)}\n`);
    }
  }
  const collection: NewsmapCollection = { type: 'FeatureCollection', features };
  const json = `${JSON.stringify(collection)}\n`;
  if (values.out) writeAtomically(values.out, json);
  else io.out(json);
  if (failures) {
    io.err(`newsmap: ${failures} of ${entries.length} articles failed; ${entries.length - failures} ingested${values.out ? ` into ${values.out}` : ''}\n`);
    return 1;
  }
  return 0;
}

function parseEntry(dir: string, entry: CorpusEntry, index: PlaceIndex): NewsmapCollection {
  parsePublished(entry.published, 'published');
  const text = readArticleFile(join(dir, entry.file));
  return parseArticle({ id: entry.id, title: entry.title, published: entry.published, text, source: entry.source ?? null }, index).collection;
}

/** Writes through a temporary file and a rename, so a failed save leaves the previous file intact. */
function writeAtomically(path: string, data: string): void {
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new Error(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the previous file is unchanged`);
  }
}

/** The article's metadata from an articles.json beside it, when it is listed there. */
function findInCorpusIndex(file: string): CorpusEntry | undefined {
  const indexFile = join(dirname(file), 'articles.json');
  if (!existsSync(indexFile)) return undefined;
  try {
    return parseCorpusIndex(readFileSync(indexFile, 'utf8'), indexFile).find((e) => e.file === basename(file));
  } catch {
    return undefined;
  }
}

function publishedFromFile(file: string, io: { err: (s: string) => void }): string {
  const day = statSync(file).mtime.toISOString().slice(0, 10);
  io.err(`newsmap: ${file}: no --published given; relative dates are anchored on the file's modification date ${day}\n`);
  return day;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 140);
}

type Options = Parameters<typeof parseArgs>[0] extends infer C ? C extends { options?: infer O } ? O : never : never;

function args<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${oneLine(e)}\n${USAGE}`);
  }
}

function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return e instanceof UsageError ? message : message.split('\n')[0]!;
}
