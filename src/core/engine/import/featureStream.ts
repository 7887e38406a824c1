/**
 * Splits a GeoJSON FeatureCollection arriving in text chunks into its features, one
 * `JSON.parse` per feature. A corpus of a million events is over 500 MB of JSON: more than
 * the longest string V8 can hold, so `response.json()` cannot parse it in one piece.
 *
 * The scanner only tracks strings, escapes and bracket depth; each feature's text is then
 * parsed by the native parser. Members other than `features` are skipped.
 *
 * @example
 * const scanner = new FeatureStreamScanner();
 * for (const chunk of chunks) for (const f of scanner.push(chunk)) use(f);
 * scanner.end(); // throws if the text ended inside the collection
 */
/** Inside a string only a quote or a backslash matters; outside, quotes and brackets. */
const IN_STRING = /["\\]/g;
const STRUCTURE = /["{}[\]]/g;

export class FeatureStreamScanner {
  /** Text of the element being read (or of the prefix before the features array). */
  private pending = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Inside the top-level `features` array, and where the current element started. */
  private inFeatures = false;
  private elementStart = -1;
  private done = false;
  /** The top-level text read so far, kept only until the features array opens. */
  private head = '';

  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    const text = this.pending + chunk;
    let start = this.inFeatures ? this.elementStart : -1;
    let i = this.pending.length;
    if (this.escaped) {
      // The previous chunk ended on a backslash inside a string: this character is escaped.
      this.escaped = false;
      i++;
    }
    // Jump between the characters that matter (native regex search), not one at a time:
    // most of a GeoJSON file is string content and numbers.
    while (i < text.length) {
      if (this.inString) {
        IN_STRING.lastIndex = i;
        const m = IN_STRING.exec(text);
        if (m === null) break;
        if (text.charCodeAt(m.index) === 92 /* \ */) {
          if (m.index + 1 >= text.length) {
            this.escaped = true;
            break;
          }
          i = m.index + 2;
          continue;
        }
        this.inString = false;
        i = m.index + 1;
        continue;
      }
      STRUCTURE.lastIndex = i;
      const m = STRUCTURE.exec(text);
      if (m === null) break;
      i = m.index;
      const c = text.charCodeAt(i);
      if (c === 34 /* " */) {
        this.inString = true;
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        this.depth++;
        if (this.inFeatures && this.depth === 3 && start < 0) start = i;
        if (!this.inFeatures && !this.done && c === 91 && this.depth === 2 && /"features"\s*:\s*$/.test(this.head + text.slice(0, i))) {
          this.inFeatures = true;
          this.head = '';
        }
      } else {
        // } or ]
        if (this.inFeatures && this.depth === 3 && start >= 0) {
          out.push(JSON.parse(text.slice(start, i + 1)));
          start = -1;
        }
        if (this.inFeatures && this.depth === 2 && c === 93) {
          this.inFeatures = false;
          this.done = true;
        }
        this.depth--;
        if (this.depth < 0) throw new Error('unbalanced JSON: a closing bracket without an opening one');
      }
      i++;
    }
    if (this.inFeatures && start >= 0) {
      // Keep only the unfinished element; everything before it is consumed.
      this.pending = text.slice(start);
      this.elementStart = 0;
    } else {
      if (!this.inFeatures && !this.done) this.head = (this.head + text).slice(-64);
      this.pending = '';
      this.elementStart = -1;
    }
    return out;
  }

  /** Call after the last chunk: a collection that never closed is an error, not a short corpus. */
  end(): void {
    // Whole JSON, but no top-level "features" array met: some other JSON document.
    if (!this.done && this.depth === 0 && !this.inString && this.head.trim() !== '') throw new Error('not a GeoJSON FeatureCollection: it has no "features" array');
    if (!this.done || this.depth !== 0 || this.inString) throw new Error('the GeoJSON ended early: the features array or the collection is not closed');
  }
}
