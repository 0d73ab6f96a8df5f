/** Export and import formats; see each module for its decisions. Pure: nothing here touches the
 * database or the DOM, so the options page, the background and tests all use the same code. */
export { toJsonLd, fromJsonLd, ANNO_CONTEXT, type JsonLdCollection, type JsonLdAnnotation } from './jsonld';
export { fromHypothesis, hypothesisUuid } from './hypothesis';
export { parseImportFile, importJson } from './import';
export {
  DEFAULT_IMPORT_LIMITS,
  type ImportResult,
  type InvalidItem,
  type ImportFormat,
  type ImportLimits,
  type ImportOptions,
} from './import-result';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { toCsv, CSV_HEADER } from './csv';
export { exportFileName, type ExportKind } from './filename';
