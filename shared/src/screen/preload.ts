/**
 * The Electron preload of every screen window: exposes `window.motcua = { send, onMessage }` and nothing else.
 * Runs with context isolation and the sandbox on, so the page never holds `ipcRenderer` itself.
 * (A sandboxed preload must be a single CommonJS file: the Electron shell bundles this entry.)
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createScreenBridge } from './bridge.js';
import { BRIDGE_KEY } from './channels.js';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createScreenBridge(ipcRenderer));
