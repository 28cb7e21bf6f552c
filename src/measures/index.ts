// The measures engine: values, windows (month, year to date, rolling 12 months), targets, RAG and
// benchmarks, and the readers of the DfE's published tables. Pure: no I/O.
export * from './values.ts';
export * from './windows.ts';
export * from './targets.ts';
export * from './rag.ts';
export * from './benchmarks.ts';
export * from './dfe-tables.ts';
export * from './reference-files.ts';
export * from './comparators.ts';
export * from './inspection-outcomes.ts';
export * from './suppression.ts';
export * from './quartiles.ts';
