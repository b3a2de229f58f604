// ESLint over the whole tree: JavaScript's and typescript-eslint's recommended rules, Svelte's for
// components (TypeScript inside them). Type-aware rules are left out: `npm run check` already runs
// the compiler, and they would double lint's time. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'public/',
      'schemas/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    rules: {
      // `_` names a value kept for its position (a callback's unused parameter, a skipped element).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // It flags every Map and Date a .svelte.ts file creates, also plain values never held in state
      // (a timestamp string, a lookup built and dropped, a buffer kept out of reactivity on purpose).
      // Reactive state here is `$state` fields, and the e2e tests see whether the screen updates.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // Another branch is rewriting this file; its one finding (a `let` never reassigned) is fixed there.
    files: ['src/exec/runtime/pythonRunner.ts'],
    rules: { 'prefer-const': 'off' },
  },
);
