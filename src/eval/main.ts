/**
 * `npm run eval`: scores newsmap and the population baseline on the development corpora
 * (TR-News, LGL, GeoVirus, read in place from ../shared/corpora) and on our own fixtures
 * (tests/fixtures/toponyms/*.json), prints Markdown tables, and checks or writes the floor.
 *
 * @example
 * npm run eval
 * npm run eval -- --only lgl --errors 20
 * npm run eval -- --json /tmp/eval.json
 * npm run eval -- --check-floor        # exit 1 with one line per figure below eval/floor.json
 * npm run eval -- --write-floor
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadBroadPlaces, loadIndex } from '../cli/loadGazetteer.ts';
import { CORPUS_NAMES, CorpusError, corpusOddities, readFixtureDir, readXmlCorpus, type Corpus, type CorpusName } from './corpora.ts';
import { classifyGold, loadCountryNames, type CountryNames, type GoldClass } from './countries.ts';
import { nonLocationalRate, runSystem, scoreRun, timingOf } from './evaluate.ts';
import { collectErrors, type GoldCountry } from './errors.ts';
import { checkFloor, FloorError, makeFloor, readFloor, writeFloor, type FloorFigures } from './floor.ts';
import { populationBaseline } from './baseline.ts';
import { nearestCountry } from './reverse.ts';
import { CORPUS_TITLES, floorFigures, renderCorpus, renderErrors, renderSummary, toJson, type CorpusReport } from './report.ts';
import { newsmapGeoparser, type Geoparser } from './system.ts';
import { evaluateEvents, readEventFixtures, renderEvents } from './events.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FLOOR = join(ROOT, 'eval/floor.json');
const FIXTURES = join(ROOT, 'tests/fixtures/toponyms');
/** The analyst-coded event fixtures (issue 11), scored by ./events.ts. */
const EVENT_FIXTURES = join(ROOT, 'tests/fixtures/articles');

const USAGE = `usage: npm run eval -- [--corpora DIR] [--only tr-news|lgl|geovirus|fixtures] [--json FILE] [--errors N] [--check-floor | --write-floor]`;

/** A bad command line: exit status 2, as for the CLI's usage errors. `status` 0 for --help. */
class UsageError extends Error {
  constructor(message: string, readonly status = 2) {
    super(message);
  }
}

interface Options {
  corpora: string;
  only: CorpusName | null;
  json: string | null;
  errors: number;
  checkFloor: boolean;
  writeFloor: boolean;
}

function options(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpora: { type: 'string' }, only: { type: 'string' }, json: { type: 'string' }, errors: { type: 'string' },
        'check-floor': { type: 'boolean' }, 'write-floor': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE, 0);
  if (values.only !== undefined && !(CORPUS_NAMES as readonly string[]).includes(values.only)) {
    throw new UsageError(`--only: "${values.only}" is not a corpus; use one of ${CORPUS_NAMES.join(', ')}`);
  }
  const errors = values.errors === undefined ? 5 : Number(values.errors);
  if (!Number.isInteger(errors) || errors < 0) throw new UsageError(`--errors: "${values.errors}" is not a whole number`);
  if (values['check-floor'] && values['write-floor']) throw new UsageError('--check-floor and --write-floor exclude each other');
  return {
    corpora: values.corpora ?? process.env.NEWSMAP_CORPORA ?? join(ROOT, '../shared/corpora'),
    only: (values.only as CorpusName | undefined) ?? null,
    json: values.json ?? null,
    errors,
    checkFloor: values['check-floor'] ?? false,
    writeFloor: values['write-floor'] ?? false,
  };
}

/** The corpora to read; a missing corpora directory is fatal when a floor is checked or written. */
function loadCorpora(opt: Options): Corpus[] {
  const names = opt.only ? [opt.only] : [...CORPUS_NAMES];
  const xml = names.filter((n): n is Exclude<CorpusName, 'fixtures'> => n !== 'fixtures');
  if (xml.length && !existsSync(opt.corpora)) {
    const msg = `${opt.corpora}: corpora directory not found (give --corpora DIR or NEWSMAP_CORPORA)`;
    if (opt.checkFloor || opt.writeFloor || opt.only) throw new CorpusError(msg);
    process.stderr.write(`newsmap eval: ${msg}; scoring the fixtures only\n`);
    return [readFixtureDir(FIXTURES)];
  }
  return names.map((n) => (n === 'fixtures' ? readFixtureDir(FIXTURES) : readXmlCorpus(n, opt.corpora)));
}

function evaluateCorpus(corpus: Corpus, systems: { newsmap: Geoparser; baseline: Geoparser }, names: CountryNames, goldCountry: GoldCountry): CorpusReport {
  const classes: GoldClass[][] = corpus.articles.map((a) => a.toponyms.map((g) => classifyGold(g, names)));
  const gold = { total: 0, scored: 0, country: 0, adjectival: 0, unplaced: 0 };
  for (const c of classes.flat()) { gold.total++; gold[c]++; }
  const runs = { newsmap: runSystem(systems.newsmap, corpus), baseline: runSystem(systems.baseline, corpus) };
  return {
    corpus: corpus.name,
    source: relative(ROOT, corpus.source) || corpus.source,
    articles: corpus.articles.length,
    gold,
    alignment: corpus.alignment,
    oddities: corpusOddities(corpus),
    scores: { newsmap: scoreRun(corpus, runs.newsmap, classes), baseline: scoreRun(corpus, runs.baseline, classes) },
    timing: { newsmap: timingOf(runs.newsmap), baseline: timingOf(runs.baseline) },
    nonlocational: corpus.name === 'fixtures' ? nonLocationalRate(corpus.articles, runs.newsmap) : null,
    errors: collectErrors(corpus, runs.newsmap, classes, goldCountry),
  };
}

/** The commit measured, and whether the work tree differed from it (the floor's provenance says so). */
function gitCommit(): string | null {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head} with uncommitted changes` : head;
  } catch {
    return null;
  }
}

function main(argv: string[]): number {
  const opt = options(argv);
  const corpora = loadCorpora(opt);

  const t0 = performance.now();
  const index = loadIndex();
  const indexLoadMs = performance.now() - t0;
  const broad = loadBroadPlaces();
  const t1 = performance.now();
  const systems = { newsmap: newsmapGeoparser(index), baseline: populationBaseline(broad) };
  const baselineLoadMs = performance.now() - t1;
  const names = loadCountryNames([...index.byId.values()].filter((p) => p.kind === 'country'));
  const countryAt = nearestCountry(broad);
  const goldCountry: GoldCountry = (g) => (g.countryName ? names.codeOf(g.countryName) : null) ?? (g.lat !== null && g.lon !== null ? countryAt(g.lat, g.lon) : null);

  const reports: CorpusReport[] = [];
  const t2 = performance.now();
  for (const corpus of corpora) {
    if (!corpus.articles.length) {
      process.stdout.write(`${CORPUS_TITLES[corpus.name]}: no articles in ${relative(ROOT, corpus.source) || corpus.source} (absent or empty); not scored\n\n`);
      continue;
    }
    reports.push(evaluateCorpus(corpus, systems, names, goldCountry));
  }
  const evalMs = performance.now() - t2;

  const commit = gitCommit() ?? 'unknown';
  const day = new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(`## newsmap evaluation (${day}, commit ${commit})`, '');
  const parsed = reports.reduce((t, r) => ({ n: t.n + r.articles, ms: t.ms + r.timing.newsmap!.totalMs }), { n: 0, ms: 0 });
  out.push(`Index load (curated + broad): ${(indexLoadMs / 1000).toFixed(2)} s, ${index.size.toLocaleString('en-US')} name keys; baseline table ${(baselineLoadMs / 1000).toFixed(2)} s. `
    + `newsmap geoparsed ${parsed.n.toLocaleString('en-US')} articles in ${(parsed.ms / 1000).toFixed(2)} s (one thread); both systems and all scoring took ${(evalMs / 1000).toFixed(1)} s. Country names: ${names.source}.`, '');
  if (reports.length) out.push(renderSummary(reports), '');
  for (const r of reports) out.push(renderCorpus(r), '');
  if (opt.errors > 0) for (const r of reports) out.push(renderErrors(r, opt.errors), '');
  // Event metrics (issue 11) run with the fixtures: they need no external corpus.
  const events = opt.only === null || opt.only === 'fixtures' ? evaluateEvents(readEventFixtures(EVENT_FIXTURES), index) : null;
  if (events) out.push(renderEvents(events, relative(ROOT, EVENT_FIXTURES)), '');
  process.stdout.write(`${out.join('\n')}\n`);

  if (opt.json) {
    const json = toJson(reports, { date: new Date().toISOString(), commit, indexLoadMs, baselineLoadMs, evalMs, countryNames: names.source });
    // Figures only, as for the corpora: the error lines stay on the terminal.
    const eventFigures = events && { overall: events.overall, fixtures: events.fixtures.map(({ errors, ...score }) => ({ ...score, errors: errors.length })) };
    writeFileSync(opt.json, `${JSON.stringify(eventFigures ? { ...(json as object), events: eventFigures } : json, null, 2)}\n`);
  }

  const current: Partial<Record<CorpusName, FloorFigures>> = Object.fromEntries(reports.map((r) => [r.corpus, floorFigures(r)]));
  // The event fixtures are scored with the toponym fixtures: their floor sits in the same entry.
  if (events && current.fixtures) Object.assign(current.fixtures, { event_precision: events.overall.precision, event_recall: events.overall.recall });
  // A corpus that was read but had no articles (the fixtures directory emptied) still counts as run.
  for (const c of corpora) if (!c.articles.length) current[c.name] = { end_to_end_recall_161: null, end_to_end_precision_161: null, recognition_overlap_f1: null, resolution_acc_161: null };
  if (opt.writeFloor) {
    const previous = existsSync(FLOOR) ? readFloor(FLOOR) : undefined;
    const written = { ...current };
    const provenance = `npm run eval -- --write-floor${opt.only ? ` --only ${opt.only}` : ''}, ${day}, commit ${commit}`;
    const floor = makeFloor(written, provenance, previous);
    // A corpus read without articles (an emptied fixtures directory) has no floor any more.
    for (const c of corpora) if (!c.articles.length) delete floor.corpora[c.name];
    writeFloor(FLOOR, floor);
    process.stderr.write(`newsmap eval: wrote ${relative(ROOT, FLOOR)}\n`);
  }
  if (opt.checkFloor) {
    const failures = checkFloor(readFloor(FLOOR), current, relative(ROOT, FLOOR));
    for (const f of failures) process.stderr.write(`newsmap eval: ${f}\n`);
    if (failures.length) return 1;
    process.stderr.write(`newsmap eval: every figure is at or above ${relative(ROOT, FLOOR)}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    (e.status ? process.stderr : process.stdout).write(`${e.message}\n`);
    process.exitCode = e.status;
  } else if (e instanceof CorpusError || e instanceof FloorError) {
    process.stderr.write(`newsmap eval: ${(e as Error).message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
