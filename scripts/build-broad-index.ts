// Writes the broad gazetteer layer for the browser worker (fetched lazily, never in the main bundle).
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildBroadText } from '../src/cli/loadGazetteer.ts';

mkdirSync('public/data', { recursive: true });
const text = buildBroadText();
writeFileSync('public/data/broad-gazetteer.tsv', text);
console.log(`public/data/broad-gazetteer.tsv: ${(text.length / 1048576).toFixed(1)} MB, ${text.split('\n').length} places`);
