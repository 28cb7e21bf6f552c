// Lint rules: typescript-eslint's type-aware recommendations plus the house layering rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, message, more = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }, ...more] }],
  },
});

const THROUGH_SERVICES = [['**/repositories/**', '**/db/**'], 'Pages, API and commands go through services.'];
// A web feature (src/web/<feature>/) reaches another feature's folder only through the kit: what two
// features share lives in src/web/kit/. The kit itself belongs to no feature and imports none.
const NOT_ANOTHER_FEATURE = {
  regex: '^\\.\\./(?!kit/|plugins/)[\\w-]+/',
  message: 'A web feature does not import another feature: move what both need into src/web/kit/.',
};
const KIT_IMPORTS_NO_FEATURE = { regex: '^\\.\\./[\\w-]+/', message: 'The kit is shared by every feature and imports none of them.' };

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
  layer(['src/web/**', 'src/api/**', 'src/cli/**'], ...THROUGH_SERVICES),
  { ...layer(['src/web/*/**'], ...THROUGH_SERVICES, [NOT_ANOTHER_FEATURE]), ignores: ['src/web/kit/**', 'src/web/plugins/**'] },
  layer(['src/web/kit/**'], ...THROUGH_SERVICES, [KIT_IMPORTS_NO_FEATURE]),
  layer(['src/http/**'], ['**/web/**', '**/api/**', '**/cli/**', '**/services/*.ts', '**/repositories/**', '**/db/**'], 'src/http holds what pages and the API share: errors, input checks, the services decoration; it depends on the domain only.', [
    { group: ['**/composition.ts'], allowTypeImports: true, message: 'Only the Services type comes from the composition.' },
  ]),
  layer(['src/services/**'], ['**/web/**', '**/api/**', '**/cli/**', 'fastify'], 'Services know nothing of HTTP or the command line.'),
  layer(['src/repositories/**'], ['**/services/**'], 'Repositories do not call services.'),
  layer(['src/domain/**', 'src/ssda903/**', 'src/measures/**', 'src/exports/**', 'src/reports/**'], ['**/db/**', '**/repositories/**', '**/services/**', 'node:fs', 'node:fs/*'], 'Domain and engines do no I/O.'),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
