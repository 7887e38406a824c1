import type { Article } from '../core/geoparser/article.ts';
import type { NewsmapCollection } from '../core/geoparser/geojson/schema.ts';
import type { ImportResult } from '../core/engine/import/importGeoJson.ts';
import type { GazetteerFile } from '../core/geoparser/gazetteer/schema.ts';

/** Messages to the geoparsing worker. */
export type WorkerRequest =
  | { type: 'parse'; requestId: number; article: Article; broadUrl: string; userGazetteer?: GazetteerFile }
  | { type: 'decode-and-parse'; requestId: number; bytes: ArrayBuffer; fileName: string; article: Omit<Article, 'text'>; broadUrl: string; userGazetteer?: GazetteerFile }
  | { type: 'candidates'; requestId: number; name: string; broadUrl: string; userGazetteer?: GazetteerFile }
  | { type: 'import-geojson'; requestId: number; text: string; fileName: string };

/** A gazetteer match offered when an analyst changes a mention's place. */
export interface PlaceCandidate {
  id: string;
  name: string;
  country: string;
  kind: string;
  lat: number;
  lon: number;
  precision: 'site' | 'city' | 'region' | 'country';
  /** The first-level division it lies in, its population and the alternate name that matched: namesakes told apart. */
  admin1?: string;
  population?: number;
  matched?: string;
}

/** Messages from the geoparsing worker. */
export type WorkerResponse =
  | { type: 'progress'; requestId: number; stage: 'gazetteer' | 'parsing' | 'importing'; fraction: number }
  | { type: 'imported'; requestId: number; result: ImportResult }
  | { type: 'result'; requestId: number; collection: NewsmapCollection; text: string; ms: number }
  | { type: 'candidates'; requestId: number; candidates: PlaceCandidate[] }
  | { type: 'error'; requestId: number; message: string };
