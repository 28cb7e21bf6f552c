// Lint rules: typescript-eslint's type-aware recommendations plus the house layering rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'tmp/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' }] },
      ],
    },
  },
  layer(['src/web/**', 'src/api/**', 'src/cli/**'], ['**/repositories/**', '**/db/**'], 'Pages, API and commands go through services.'),
  layer(['src/services/**'], ['**/web/**', '**/api/**', '**/cli/**', 'fastify'], 'Services know nothing of HTTP or the command line.'),
  layer(['src/repositories/**'], ['**/services/**'], 'Repositories do not call services.'),
  layer(['src/domain/**', 'src/ssda903/**', 'src/measures/**', 'src/exports/**'], ['**/db/**', '**/repositories/**', '**/services/**', 'node:fs', 'node:fs/*'], 'Domain and engines do no I/O.'),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
