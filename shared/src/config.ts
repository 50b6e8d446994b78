export * from './config/schema.js';
export * from './config/load.js';
export * from './config/examples.js';
export * from './example-configs.js';
