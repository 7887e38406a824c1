/// <reference lib="webworker" />
/**
 * Geoparses pasted or dropped articles off the main thread. The curated gazetteer ships in this
 * worker's chunk; the broad GeoNames layer (a few MB) is fetched lazily on the first parse, so
 * it is never part of the initial bundle.
 */
import gazetteerJson from '../../data/gazetteer.json';
import { validateGazetteer } from '../core/geoparser/gazetteer/validate.ts';
import { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import { unpackBroadPlaces } from '../core/geoparser/gazetteer/broad.ts';
import { parseArticle } from '../core/geoparser/parseArticle.ts';
import { importGeoJson } from '../core/engine/import/importGeoJson.ts';
import { decodeArticle, checkArticleSize } from '../core/geoparser/text/decodeArticle.ts';
import { parsePublished } from '../core/geoparser/events/published.ts';
import type { Article } from '../core/geoparser/article.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { placeCandidates } from './candidates.ts';
import type { GazetteerFile } from '../core/geoparser/gazetteer/schema.ts';

declare const self: DedicatedWorkerGlobalScope;

let broadPlaces: Promise<ReturnType<typeof unpackBroadPlaces>> | undefined;
/** The index, with the user gazetteer it was built with (rebuilt when the analyst's layer changes). */
let index: { user: string; built: Promise<PlaceIndex> } | undefined;

function loadIndex(requestId: number, broadUrl: string, userGazetteer: GazetteerFile | undefined): Promise<PlaceIndex> {
  broadPlaces ??= (async () => {
    try {
      const res = await fetch(broadUrl);
      if (res.ok) return unpackBroadPlaces(await res.text());
    } catch {
      // Offline without the broad layer file: the curated layer still resolves the region.
    }
    return [];
  })();
  const user = userGazetteer ? JSON.stringify(userGazetteer) : '';
  if (index?.user !== user) {
    index = {
      user,
      built: (async () => {
        post({ type: 'progress', requestId, stage: 'gazetteer', fraction: 0 });
        const curated = validateGazetteer(gazetteerJson, 'data/gazetteer.json');
        const built = PlaceIndex.build(curated, await broadPlaces!, userGazetteer);
        post({ type: 'progress', requestId, stage: 'gazetteer', fraction: 1 });
        return built;
      })(),
    };
  }
  return index.built;
}

function post(message: WorkerResponse): void {
  self.postMessage(message);
}

async function handle(req: WorkerRequest): Promise<void> {
  const t0 = performance.now();
  try {
    if (req.type === 'import-geojson') {
      // Off the main thread: a 200,000-feature file validates here while the UI stays live.
      const result = importGeoJson(req.text, req.fileName, (fraction) => post({ type: 'progress', requestId: req.requestId, stage: 'importing', fraction }));
      post({ type: 'imported', requestId: req.requestId, result });
      return;
    }
    if (req.type === 'candidates') {
      const idx = await loadIndex(req.requestId, req.broadUrl, req.userGazetteer);
      post({ type: 'candidates', requestId: req.requestId, candidates: placeCandidates(idx, req.name) });
      return;
    }
    let article: Article;
    if (req.type === 'decode-and-parse') {
      article = { ...req.article, text: decodeArticle(new Uint8Array(req.bytes), req.fileName) };
    } else {
      checkArticleSize(new TextEncoder().encode(req.article.text).length, 'pasted text');
      if (!req.article.text.trim()) throw new Error('pasted text: contains only whitespace');
      article = req.article;
    }
    parsePublished(article.published, 'published');
    const idx = await loadIndex(req.requestId, req.broadUrl, req.userGazetteer);
    post({ type: 'progress', requestId: req.requestId, stage: 'parsing', fraction: 0 });
    const { collection } = parseArticle(article, idx);
    post({ type: 'result', requestId: req.requestId, collection, text: article.text, ms: performance.now() - t0 });
  } catch (e) {
    post({ type: 'error', requestId: req.requestId, message: (e instanceof Error ? e.message : String(e)).split('\n')[0]! });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data);
};
