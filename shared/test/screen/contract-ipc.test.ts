import { vi } from 'vitest';
import { screenContract } from './contract.js';
import type { FakeElectron } from './fake-electron.js';
import { ipcHarness } from './ipc-harness.js';

const current = vi.hoisted((): { electron?: FakeElectron } => ({}));
vi.mock('electron', () => ({
  get contextBridge() {
    return current.electron?.contextBridge;
  },
  get ipcRenderer() {
    return current.electron?.ipcRenderer;
  },
}));

screenContract('Electron IPC (contextBridge preload, ipcMain)', ipcHarness(current));
