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
    for (let i = this.pending.length; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) this.inString = false;
        continue;
      }
      if (c === 34) {
        this.inString = true;
        continue;
      }
      if (c === 123 /* { */ || c === 91 /* [ */) {
        this.depth++;
        if (this.inFeatures && this.depth === 3 && start < 0) start = i;
        if (!this.inFeatures && !this.done && c === 91 && this.depth === 2 && /"features"\s*:\s*$/.test(this.head + text.slice(0, i))) {
          this.inFeatures = true;
          this.head = '';
        }
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
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
    if (!this.done || this.depth !== 0 || this.inString) throw new Error('the GeoJSON ended early: the features array or the collection is not closed');
  }
}
