import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.cache', 'coverage', 'bin/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The engine stays pure: no I/O, no Electron, no database, no UI.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core/ is pure: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
            { group: ['better-sqlite3'], message: 'core/ must not touch the database.' },
            {
              regex: '(^|/)(electron|renderer|scripts)/',
              message: 'core/ imports only core/: the other folders build on it.',
            },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'core/ has no UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the renderer talks through its api object only.' },
            { name: 'better-sqlite3', message: 'the renderer talks through its api object only.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'the renderer runs in a browser: no Node built-ins.' },
            {
              // The main process's code stays there: shared shapes live in core/contract/.
              regex: '(^|/)electron/',
              message:
                'the renderer imports core/ (core/contract/ for the IPC contract), never electron/.',
            },
          ],
        },
      ],
    },
  },
);
