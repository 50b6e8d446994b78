/**
 * The packaging configuration: Electron's fuses (flipped in the binary at packaging time, on the build host) and
 * the files that go into the package. Electron cannot be packaged here, so the configuration itself is checked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(
  readFileSync(fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url)), 'utf8'),
) as {
  electronFuses?: Record<string, unknown>;
  files?: unknown;
  asar?: unknown;
};

describe('electron-builder.yml: fuses', () => {
  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS could inject code into the main process'],
    ['enableNodeCliInspectArguments', false, '--inspect would open a debugger into the main process'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'the app archive is checked against its hash'],
    ['onlyLoadAppFromAsar', true, 'no app loaded from a loose folder next to the binary'],
    ['enableCookieEncryption', true, 'cookies encrypted at rest'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// is not used; it gets no extra privileges'],
    ['loadBrowserProcessSpecificV8Snapshot', false, 'no browser-process snapshot is shipped'],
  ])('%s is %s (%s)', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('sets no fuse this test does not know about (a new fuse gets a deliberate decision)', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(
      [
        'enableCookieEncryption',
        'enableEmbeddedAsarIntegrityValidation',
        'enableNodeCliInspectArguments',
        'enableNodeOptionsEnvironmentVariable',
        'grantFileProtocolExtraPrivileges',
        'loadBrowserProcessSpecificV8Snapshot',
        'onlyLoadAppFromAsar',
        'runAsNode',
      ].sort(),
    );
  });

  it('packs the app into an ASAR (onlyLoadAppFromAsar needs one)', () => {
    expect(config.asar).not.toBe(false);
  });
});

describe('electron-builder.yml: files', () => {
  const files = Array.isArray(config.files) ? (config.files as unknown[]).map(String) : [];

  it.each(['!**/test/**', '!**/testing/**', '!**/test-artifacts/**', '!**/*.test.ts'])(
    'excludes %s',
    (pattern) => {
      expect(files).toContain(pattern);
    },
  );
});
