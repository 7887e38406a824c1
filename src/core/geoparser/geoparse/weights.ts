import data from './data/weights.json' with { type: 'json' };
import { RECOGNITION_FEATURES } from './recognise.ts';
import { RANKING_FEATURES } from './rank.ts';

/** The fitted weights of the recogniser and the ranker, as arrays in feature order. */
export interface GeoparseWeights {
  recognition: number[];
  ranking: number[];
}

/** Weights by feature name, as data/weights.json stores them. */
export interface NamedWeights {
  recognition: Record<string, number>;
  ranking: Record<string, number>;
}

/** Orders named weights by the feature lists; a feature the file lacks weighs 0. */
export function weightArrays(named: NamedWeights): GeoparseWeights {
  return {
    recognition: RECOGNITION_FEATURES.map((f) => named.recognition[f] ?? 0),
    ranking: RANKING_FEATURES.map((f) => named.ranking[f] ?? 0),
  };
}

let cached: GeoparseWeights | undefined;

/** The committed weights (data/weights.json). */
export function getWeights(): GeoparseWeights {
  return (cached ??= weightArrays(data));
}
