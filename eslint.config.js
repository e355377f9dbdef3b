// ESLint flat config. Besides the recommended rules it fences imports per top-level folder, as
// outline/outline does in shared/.oxlintrc.json: shared/ stays pure (no app, server, Node, DOM
// libraries or storage), app/ never reaches into the server, and nano/PouchDB stay inside
// sync-server/store/. See docs/decisions.md for why.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

/** Node's built-in modules, bare (`fs`, `fs/promises`) and prefixed (`node:fs`). */
/**
 * Node built-ins as one anchored regex: as gitignore-style `group` patterns, names like `domain`
 * or `module` would also match any import path with such a segment (`@shared/domain/...`).
 */
const NODE_BUILTINS_REGEX = `^(node:.*|${builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/.*)?$`;

/** The store module is the only door to CouchDB/PouchDB (STYLE.md: "nano never leaks past the store"). */
const STORE_PACKAGES = ['nano', 'nano/*', 'pouchdb-node', 'pouchdb-node/*', 'express-pouchdb', 'express-pouchdb/*'];

/**
 * Relative imports that climb out of `folder` into the top-level folder `target`. A file `depth`
 * folders below the root needs exactly `depth` `../` to reach the root, so one config block per
 * depth keeps e.g. `sync-server/replication/x.ts → ../app` (sync-server/app.ts) legal while
 * `sync-server/x.ts → ../app/...` (the PWA) is not.
 */
const MAX_DEPTH = 8;
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const climbInto = (depth, target) => `^(\\./)?(\\.\\./){${depth}}${escapeRegex(target)}(/|$)`;

/**
 * One `no-restricted-imports` block per folder depth. Flat config replaces (does not merge) a
 * rule's options when several blocks match, so each block carries the folder's whole fence.
 */
function fence(folder, { forbiddenFolders, packages, message, except = [] }) {
  const folderDepth = folder.split('/').length;
  return Array.from({ length: MAX_DEPTH - folderDepth + 1 }, (_, index) => {
    const depth = folderDepth + index;
    const files = [`${folder}/${'*/'.repeat(index)}*.{ts,tsx,mts,cts,js,jsx}`];
    return {
      name: `fence/${folder}/depth-${depth}`,
      files,
      ignores: except,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...forbiddenFolders.map(({ dir }) => ({
                regex: climbInto(depth, dir),
                message: `${folder}/ must not import from ${dir}/. ${message}`,
              })),
              ...forbiddenFolders
                .filter(({ alias }) => alias)
                .map(({ dir, alias }) => ({
                  group: [alias, `${alias}/*`, `${alias}/**`],
                  message: `${folder}/ must not import from ${dir}/. ${message}`,
                })),
              ...packages.map(({ group, regex, why }) => (regex ? { regex, message: why } : { group, message: why })),
            ],
          },
        ],
      },
    };
  });
}

const SHARED_FENCE = {
  forbiddenFolders: [
    { dir: 'app', alias: '@app' },
    { dir: 'sync-server', alias: '@server' },
  ],
  packages: [
    { regex: NODE_BUILTINS_REGEX, why: 'shared/ is pure TypeScript that runs in the browser too: no Node built-ins.' },
    {
      group: ['express', 'express/*', 'express-*', ...STORE_PACKAGES, 'pouchdb', 'pouchdb*', 'pouchdb-*/**'],
      why: 'shared/ does no I/O: no server or storage libraries.',
    },
    {
      group: ['dexie', 'dexie/*', 'rxdb', 'rxdb/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
      why: 'shared/ does no I/O and renders nothing: no browser storage or UI libraries.',
    },
    { group: ['@shared', '@shared/*', '@shared/**'], why: 'Inside shared/, import siblings by relative path.' },
  ],
  message: 'Keep shared/ importable by both sides.',
};

const APP_FENCE = {
  forbiddenFolders: [{ dir: 'sync-server', alias: '@server' }],
  packages: [
    { regex: NODE_BUILTINS_REGEX, why: 'app/ runs in the browser: no Node built-ins.' },
    {
      group: ['express', 'express/*', 'express-*', ...STORE_PACKAGES],
      why: 'app/ talks to the server over HTTP only: no server or CouchDB libraries.',
    },
  ],
  message: 'Share code through shared/.',
};

const serverFence = (allowStore) => ({
  forbiddenFolders: [{ dir: 'app', alias: '@app' }],
  packages: allowStore
    ? []
    : [{ group: STORE_PACKAGES, why: 'Only sync-server/store/ may use nano or PouchDB; go through the Store.' }],
  message: 'Share code through shared/.',
});

export default defineConfig(
  {
    name: 'ignores',
    ignores: ['node_modules/', 'app/dist/', 'dev-dist/', 'data/', 'coverage/', 'test-results/', 'playwright-report/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS_FILES })),
  {
    name: 'project/defaults',
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An empty block is allowed only with a comment saying why (no-empty's default behaviour).
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    name: 'project/typescript',
    files: TS_FILES,
    // Type information for the two promise rules below (files must be in tsconfig.json's include).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // STYLE.md: no silent failure. A dropped promise on the server is an unhandled rejection.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'project/browser-globals',
    files: ['app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The in-browser halves of `npm run bench` (bundled with esbuild, run in Chromium).
    name: 'project/bench-browser-globals',
    files: ['bench/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'project/react-hooks',
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    name: 'project/shared-is-pure',
    files: ['shared/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest']
          .map((name) => ({ name, message: 'shared/ does no I/O and has no DOM: pass what you need in as an argument.' })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate']
          .map((name) => ({ name, message: 'shared/ runs in the browser too: no Node globals.' })),
      ],
    },
  },
  ...fence('shared', SHARED_FENCE),
  ...fence('app', APP_FENCE),
  ...fence('sync-server', { ...serverFence(false), except: ['sync-server/store/**'] }),
  ...fence('sync-server/store', serverFence(true)),
);
