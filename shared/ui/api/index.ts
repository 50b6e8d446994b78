export * from './client.js';
export * from './transport.js';
export * from './ws.js';
export * from './ipc.js';
