// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports the pure folders (shared/src/domain, shared/src/config) may not have. */
const PURE = [
  {
    group: ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)],
    message: 'domain/ and config/ are pure: no Node built-ins (they run in screens too)',
  },
  {
    group: ['better-sqlite3', 'mqtt', 'mqtt/*', 'aedes', 'serialport'],
    message: 'domain/ and config/ are pure: storage and transport belong to store/ and sync/',
  },
  {
    group: ['**/store/*', '**/sync/*', '**/device/*', '**/store', '**/sync', '**/device'],
    message: 'domain/ and config/ must not import store/, sync/ or device/ (those import the domain)',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', '**/release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The pure folders run anywhere (a device, the hub, a browser screen): no Node built-ins, no SQLite, no
    // MQTT, nothing from the folders that own them. testing/test/layout.test.ts checks the same on the sources.
    files: ['shared/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PURE }] },
  },
  {
    // config/ is read by the domain; config importing domain/ would be a cycle. load.ts still reads a file with
    // node:fs: loadConfigFile moves out of config/ once the branch now editing load.ts is merged (the layout
    // test lists it as the one known exception).
    files: ['shared/src/config/**/*.ts'],
    ignores: ['shared/src/config/load.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...PURE,
            {
              group: ['**/domain/*', '**/domain'],
              message: 'config/ must not import domain/ (an import cycle)',
            },
          ],
        },
      ],
    },
  },
  {
    // Screens run in a browser (or a sandboxed Electron renderer): they reach Node, SQLite, MQTT and Electron
    // only through the screen API. Their one Node-side file is the Vite config helper.
    files: [
      'shared/ui/**/*.ts',
      'shared/ui/**/*.tsx',
      'kiosk/src/screen/**/*.ts',
      'kiosk/src/screen/**/*.tsx',
      'counter-display/src/screen/**/*.ts',
      'counter-display/src/screen/**/*.tsx',
      'hub/src/dashboard/screen/**/*.ts',
      'hub/src/dashboard/screen/**/*.tsx',
    ],
    ignores: ['shared/ui/vite.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Screens never touch SQLite: use the screen API.' },
            { name: 'mqtt', message: 'Screens never touch MQTT: use the screen API.' },
            { name: 'ws', message: 'Screens use the browser WebSocket through wsTransport.' },
            {
              name: 'electron',
              message: 'Screens reach Electron only through the preload bridge (ipcTransport).',
            },
            { name: 'zod', message: 'Keep zod out of screen bundles (size); validate on the runtime side.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'Screens never use Node built-ins.' },
            {
              group: [
                'fs',
                'fs/*',
                'path',
                'os',
                'http',
                'https',
                'net',
                'child_process',
                'crypto',
                'stream',
                'worker_threads',
              ],
              message: 'Screens never use Node built-ins.',
            },
            {
              group: [
                '**/src/screen/protocol*',
                '**/src/screen/session*',
                '**/src/screen/server*',
                '**/src/store/**',
                '**/src/sync/**',
              ],
              message:
                'Runtime-side modules stay out of screens (wire.ts is the screen-side half of the protocol).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
