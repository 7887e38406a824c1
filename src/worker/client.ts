import type { Article } from '../core/geoparser/article.ts';
import type { NewsmapCollection } from '../core/geoparser/geojson/schema.ts';
import type { ImportResult } from '../core/engine/import/importGeoJson.ts';
import type { PlaceCandidate, WorkerRequest, WorkerResponse } from './protocol.ts';
import type { GazetteerFile } from '../core/geoparser/gazetteer/schema.ts';

export interface ParseOutcome {
  collection: NewsmapCollection;
  text: string;
  ms: number;
}

export type Progress = (stage: 'gazetteer' | 'parsing' | 'importing', fraction: number) => void;

/**
 * The main thread's handle on the geoparsing worker: one request at a time per call, answered
 * by a promise. If the worker dies mid-parse, the promise rejects and the next call starts a
 * fresh worker, so a crash never leaves the app waiting.
 */
export class GeoparseClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (o: unknown) => void; reject: (e: Error) => void; progress?: Progress }>();

  constructor(private readonly makeWorker: () => Worker = () => new Worker(new URL('./geoparse.worker.ts', import.meta.url), { type: 'module' })) {}

  /**
   * Geoparses pasted text. `user` is the analyst's gazetteer layer: its aliases and places
   * take part in recognition and ranking ("Add as an alias" holds for every later article).
   */
  parseText(article: Article, progress?: Progress, user?: GazetteerFile): Promise<ParseOutcome> {
    return this.send({ type: 'parse', requestId: 0, article, broadUrl: broadUrl(), ...userLayer(user) }, progress);
  }

  parseFile(bytes: ArrayBuffer, fileName: string, article: Omit<Article, 'text'>, progress?: Progress, user?: GazetteerFile): Promise<ParseOutcome> {
    return this.send({ type: 'decode-and-parse', requestId: 0, bytes, fileName, article, broadUrl: broadUrl(), ...userLayer(user) }, progress, [bytes]);
  }

  /** The top gazetteer matches for a name (exact name or alias), for "Change place". */
  /** Validates and converts a GeoJSON file in the worker, reporting progress on large files. */
  importGeoJson(text: string, fileName: string, progress?: Progress): Promise<ImportResult> {
    return this.send<ImportResult>({ type: 'import-geojson', requestId: 0, text, fileName }, progress);
  }

  candidates(name: string, user?: GazetteerFile): Promise<PlaceCandidate[]> {
    return this.send<PlaceCandidate[]>({ type: 'candidates', requestId: 0, name, broadUrl: broadUrl(), ...userLayer(user) }, undefined);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.failAll('the geoparser was stopped');
  }

  private send<T = ParseOutcome>(req: WorkerRequest, progress: Progress | undefined, transfer: Transferable[] = []): Promise<T> {
    const requestId = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (o: unknown) => void, reject, ...(progress ? { progress } : {}) });
      worker.postMessage({ ...req, requestId }, transfer);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.makeWorker();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      const p = this.pending.get(msg.requestId);
      if (!p) return;
      if (msg.type === 'progress') p.progress?.(msg.stage, msg.fraction);
      else {
        this.pending.delete(msg.requestId);
        if (msg.type === 'result') p.resolve({ collection: msg.collection, text: msg.text, ms: msg.ms });
        else if (msg.type === 'candidates') p.resolve(msg.candidates);
        else if (msg.type === 'imported') p.resolve(msg.result);
        else p.reject(new Error(msg.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.worker?.terminate();
      this.worker = undefined;
      this.failAll(`the geoparser crashed (${event.message || 'worker error'}); nothing was saved`);
    };
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error(message));
    }
  }
}

function broadUrl(): string {
  return new URL('data/broad-gazetteer.tsv', document.baseURI).href;
}

/** The user layer as a message field, left out while it is empty (the worker keeps its index). */
function userLayer(user: GazetteerFile | undefined): { userGazetteer?: GazetteerFile } {
  return user?.places.length ? { userGazetteer: user } : {};
}
