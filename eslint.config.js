// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // shared/ is pure TypeScript for every process and the command-line tools.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not import electron' },
            { group: ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks'], message: 'shared/ is pure TypeScript (no DOM, no UI, no database)' },
            { group: ['node:*', 'fs', 'path'], message: 'shared/ must run in the renderer too: no Node built-ins' },
            { group: ['../renderer/*', '../electron/*', '../../renderer/*', '../../electron/*'], message: 'shared/ does not depend on a process' },
          ],
        },
      ],
    },
  },
  {
    // The renderer never reaches into the main process or Node.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'the renderer talks to main only through window.delegateApi' },
            { group: ['node:*'], message: 'the renderer has no Node built-ins' },
            { group: ['**/electron/**'], message: 'the renderer does not import main-process code' },
          ],
        },
      ],
    },
  },
  {
    // The relay is a process of its own: Node and shared/ only.
    files: ['relay/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie'], message: 'the relay imports shared/ only, never app code' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'main and preload do not import renderer code' }] },
      ],
    },
  },
);
