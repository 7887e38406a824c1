import { FeatureStreamScanner } from './featureStream.ts';

/**
 * Parses a FeatureCollection's features while its text is still arriving, in batches of whole
 * features, so that parsing overlaps the download instead of following it.
 *
 * The fast path relies on how GeoJSON writers (newsmap's own `ingest`, JSON.stringify)
 * separate features: `},{"type":"Feature"`. That byte sequence cannot occur inside a JSON
 * string (its quotes would be escaped), so a cut there is either between two features or
 * inside a nested object that happens to look like one. A wrong cut leaves a batch with
 * unbalanced brackets, which `JSON.parse` rejects: the batch is then handed, from its first
 * feature on, to the character-level `FeatureStreamScanner`, which is slower and needs no
 * such assumption. Any other layout (members before `features`, pretty-printed features,
 * members after the array) takes that path too. Either way the features equal
 * `JSON.parse(text).features`.
 *
 * @example
 * const parser = new FeatureBatchParser();
 * for await (const chunk of textChunks) for (const f of parser.push(chunk)) use(f);
 * for (const f of parser.end()) use(f); // throws if the text is not a FeatureCollection
 */
const HEAD = /^\s*\{\s*"type"\s*:\s*"FeatureCollection"\s*,\s*"features"\s*:\s*\[\s*/;
/** Read this much before deciding the head is not the common one. */
const HEAD_WINDOW = 4096;
const FEATURE_START = '{"type":"Feature"';
const TAIL = /\]\s*\}\s*$/;
/** A feature this long with no cut in sight: stop accumulating and scan instead. */
const MAX_PENDING = 32 * 1024 * 1024;

export class FeatureBatchParser {
  /** Text not parsed yet; in the 'features' state it starts at a feature's `{` (or the `]`). */
  private pending = '';
  private state: 'head' | 'features' | 'scan' = 'head';
  private scanner: FeatureStreamScanner | null = null;

  push(chunk: string): unknown[] {
    if (this.state === 'scan') return this.scanner!.push(chunk);
    this.pending += chunk;
    if (this.state === 'head') {
      if (this.pending.length < HEAD_WINDOW) return [];
      const head = HEAD.exec(this.pending);
      if (head === null) return this.scan(this.pending, false);
      this.pending = this.pending.slice(head[0].length);
      this.state = 'features';
    }
    const cut = lastCut(this.pending, this.pending.length - chunk.length - FEATURE_START.length);
    if (cut === null) return this.pending.length > MAX_PENDING ? this.scan(this.pending, true) : [];
    const batch = parseArray(this.pending.slice(0, cut.end));
    if (batch === null) return this.scan(this.pending, true);
    this.pending = this.pending.slice(cut.next);
    return batch;
  }

  /** The features left after the last chunk. Throws if the text was not a whole collection. */
  end(): unknown[] {
    let out: unknown[] = [];
    if (this.state === 'head') {
      const head = HEAD.exec(this.pending);
      if (head === null) out = this.scan(this.pending, false);
      else {
        this.pending = this.pending.slice(head[0].length);
        this.state = 'features';
      }
    }
    if (this.state === 'features') {
      const tail = TAIL.exec(this.pending);
      const last = tail === null ? null : parseArray(this.pending.slice(0, tail.index));
      if (last !== null) {
        this.pending = '';
        return last;
      }
      out = this.scan(this.pending, true);
    }
    this.scanner!.end();
    return out;
  }

  /** Hands the rest to the character-level scanner; `inFeatures`: `text` starts at a feature. */
  private scan(text: string, inFeatures: boolean): unknown[] {
    this.state = 'scan';
    this.pending = '';
    this.scanner = new FeatureStreamScanner();
    return this.scanner.push(inFeatures ? `{"features":[${text}` : text);
  }
}

/**
 * The last `}` , `{"type":"Feature"` boundary at or after `from`: the batch ends after the
 * brace (`end`), the next one starts at the `{` (`next`).
 */
function lastCut(text: string, from: number): { end: number; next: number } | null {
  let at = text.length;
  for (;;) {
    at = text.lastIndexOf(FEATURE_START, at - 1);
    if (at <= 0 || at < from) return null;
    let i = at - 1;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
    if (text.charCodeAt(i) !== 44 /* , */) continue;
    i--;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
    if (text.charCodeAt(i) === 125 /* } */) return { end: i + 1, next: at };
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The elements of `[text]`, or null if that is not a JSON array. */
function parseArray(text: string): unknown[] | null {
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return null;
  }
}
