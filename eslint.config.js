import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Imports each layer may not make: data flows plan → models → report → UI (STYLE.md). */
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const UI_AND_STATE = [
  { group: ['**/ui/**', '**/state/**', '**/bridge/**', '*.svelte'], message: 'Lower layers must not depend on the UI or its state.' },
  { group: ['svelte', 'svelte/*', 'd3', 'd3-*', 'comlink'], message: 'Lower layers stay free of UI and transport libraries.' },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      // Keyed each blocks are welcome but not required for static lists.
      'svelte/require-each-key': 'off',
      // Plain Set/Map in $derived and $state.raw are intentional: they are replaced, never mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/plan/**/*.ts'],
    rules: layer([...UI_AND_STATE, { group: ['**/models/**', '**/editor/**'], message: 'The plan format depends on nothing above it.' }]),
  },
  {
    files: ['src/models/**/*.ts'],
    rules: {
      ...layer([...UI_AND_STATE, { group: ['**/editor/**'], message: 'Models depend only on the plan.' }]),
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Models are deterministic: use seededRandom from models/stats/random.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'Models never touch the DOM.' },
        { name: 'window', message: 'Models never touch the DOM.' },
        { name: 'setTimeout', message: 'The engine steps; someone else schedules.' },
      ],
    },
  },
  {
    files: ['src/export/**/*.ts'],
    rules: layer([
      ...UI_AND_STATE,
      { group: ['**/editor/**', '**/cli/**', 'node:*'], message: 'Exporters are pure: plan in, text out; the CLI and the UI do the IO.' },
    ]),
  },
  {
    files: ['src/format/**/*.ts'],
    rules: layer([
      ...UI_AND_STATE,
      { group: ['**/models/**', '**/editor/**', '**/plan/**'], message: 'Unit formatting is pure text: CLI, UI and models may use it, it uses none of them.' },
    ]),
  },
  { files: ['src/editor/**/*.ts'], rules: layer([...UI_AND_STATE, { group: ['**/models/**'], message: 'Editor actions work on the plan only.' }]) },
  {
    files: ['workers/**/*.ts'],
    rules: layer([{ group: ['**/ui/**', '**/state/**', '*.svelte', 'svelte', 'd3'], message: 'Workers expose models; they know nothing of the UI.' }]),
  },
  {
    files: ['src/ui/charts/**'],
    rules: layer([
      {
        group: ['**/state/**', '**/editor/**', '**/bridge/**', '**/plan/**'],
        message: 'Charts draw what they are given: only their helpers and report types.',
      },
    ]),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: layer([{ group: ['**/ui/**'], message: 'State never depends on the UI: components read state, not the other way round.' }]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: layer([
      {
        group: ['**/state/**', '**/ui/**', '**/bridge/**', '*.svelte', 'svelte', 'svelte/*'],
        message: 'The CLI runs the models directly: no app state, UI or worker bridge.',
      },
    ]),
  },
  {
    // The UI computes no model: it reads the report the workers send. Model constant tables
    // (assumptions.ts: the defaults a form shows as placeholders) and the drills' blast order are
    // data, not computation; the headline comes from the analyse job with the report. A saved
    // drill's ids (drills/savedDrill: `rack:R2` ↔ the failure vocabulary) are parsing, not a model.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)models/(?!.*/assumptions$|drills/health$|drills/savedDrill$)',
              allowTypeImports: true,
              message: 'The UI imports only types from models (`import type`); models run in workers.',
            },
          ],
        },
      ],
    },
  },
  { files: ['test/**/*.ts', 'test/**/*.mjs'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
