export * from './csv.ts';
export * from './geojson.ts';
export * from './filename.ts';
