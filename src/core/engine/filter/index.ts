export * from './filterState.ts';
export * from './urlState.ts';
export * from './timeline.ts';
export * from './search.ts';
