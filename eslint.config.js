import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports of another layer's insides: layers meet only at their index (their public face). */
const deepImports = (except) =>
  ['engine', 'store', 'extension', 'ui', 'formats', 'reader', 'model']
    .filter((layer) => layer !== except)
    .map((layer) => `**/lib/${layer}/*`);
const BROWSER = ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*'];
/** Import patterns of whole layers, by name. */
const layers = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/*`]);
const layerRule = (layer, forbidden, message) => ({
  files: [`lib/${layer}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: deepImports(layer), message: 'Import another layer through its index (lib/<layer>).' },
          ...(forbidden.length ? [{ group: forbidden, message }] : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tmp/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Pages are untrusted: nothing is ever evaluated or parsed as HTML from a string.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with lib/ui/dom.ts; page text must never be parsed as HTML.' },
        { property: 'outerHTML', message: 'Build DOM with lib/ui/dom.ts.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with lib/ui/dom.ts.' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The layers (docs/design.md, "Layers"): the arrows point one way.
  layerRule(
    'model',
    ['**/lib/*', '**/lib/*/**', 'idb', ...BROWSER, '@mozilla/*', 'linkedom', '../*', './*.js'],
    'The model is types only and imports nothing but its own files.',
  ),
  layerRule(
    'engine',
    [...layers('store', 'ui', 'extension', 'formats', 'reader'), 'idb', ...BROWSER, '@mozilla/*', 'linkedom'],
    'The engine is pure: it imports only the model.',
  ),
  layerRule(
    'reader',
    [...layers('engine', 'store', 'ui', 'extension', 'formats'), 'idb', ...BROWSER],
    'Page reading works on a DOM it is given: it imports only the model (and Readability).',
  ),
  layerRule(
    'store',
    [...layers('ui', 'extension', 'formats', 'reader'), ...BROWSER],
    'The store imports only the model and the engine.',
  ),
  layerRule(
    'formats',
    [...layers('ui', 'extension', 'store'), 'idb', ...BROWSER],
    'File formats import only the model, the engine and page reading.',
  ),
  layerRule(
    'ui',
    [...layers('store', 'extension', 'formats', 'reader', 'engine'), 'idb', ...BROWSER],
    'The UI renders what the background sends: it imports only the model.',
  ),
  layerRule('extension', ['idb', ...BROWSER], 'The extension layer gets browser APIs passed in by the entrypoints.'),
  {
    files: ['lib/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'The engine is pure: no browser APIs.' },
        { name: 'chrome', message: 'The engine is pure: no browser APIs.' },
        { name: 'indexedDB', message: 'The engine is pure: no IndexedDB.' },
        { name: 'document', message: 'The engine is pure: documents are read in lib/reader.' },
        { name: 'window', message: 'The engine is pure.' },
      ],
    },
  },
  // The commands a user runs (cli/), the tools that measure and study Upstream (tools/) and what
  // they share with the tests (fixtures/) never reach into the tests.
  {
    files: ['cli/**/*.ts', 'tools/**/*.ts', 'fixtures/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test', '**/test/*', '**/test/**'],
              message:
                'Tests import cli/, tools/ and fixtures/, never the other way: move what both need to fixtures/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/*/*'],
              message: 'Entrypoints only wire: import a layer through its index (lib/<layer>).',
            },
          ],
        },
      ],
    },
  },
);
