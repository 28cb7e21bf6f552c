// The 903 engine's public interface: parse → build the stitched history → check → indicators. Pure: no I/O.
export { FIGURES_COLUMNAR, parseFiles, readReturn, readReturnStreamed, Ssda903FileError, type InputFile, type ParsedFile, type StreamedFile } from './parse.ts';
export { rowCount } from './rows.ts';
export { YearError, type YearOptions } from './years.ts';
export type { TableName } from './tables.ts';
export { buildReturn, type Ssda903Return } from './history.ts';
export { buildAndCheck, checkReturn, seeAlso, withSeeAlso, type DataQualityIssue, type RowsChecked } from './checks.ts';
export { computeIndicators, monthEndsBetween, type IndicatorOptions, type IndicatorValue } from './indicators.ts';
export { indicatorDefinitions, type IndicatorDefinition } from './definitions.ts';
