/**
 * The look-up terminal's catalogue modules that screens may bundle: all pure (no Node imports).
 * Node-only helpers live beside them: files.ts (reading files), cli.ts (`motcua search`), bench.ts.
 */
export * from './schema.js';
export * from './normalise.js';
export * from './synonyms.js';
export * from './search.js';
export * from './dossier-status.js';
export * from './dossier.js';
export * from './config-check.js';
export * from './scale.js';
export * from './bench-queries.js';
export * from './present.js';
