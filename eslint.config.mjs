// ESLint over the whole tree, test code included: typescript-eslint's strict, type-checked rules,
// Prettier's formatting left to Prettier, and import rules that mirror the architecture (README:
// Architecture).
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

const LIBS = [
  'access',
  'action-plans',
  'anchoring',
  'audit',
  'database',
  'diagnostics',
  'event-store',
  'event-store-postgres',
  'fund',
  'partnerships',
  'platform',
  'projections',
  'shared-kernel',
  'territory',
];
const ADAPTERS = ['@ancrage/event-store-postgres'];
const CONTEXTS = ['access', 'action-plans', 'anchoring', 'audit', 'diagnostics', 'fund', 'partnerships', 'territory'];

/** A package is reached through its alias and its index only, never by climbing into its folder. */
const boundaries = [
  { regex: '^(\\.\\./)+(libs/|apps/(?!web/))', message: 'Import another package by its alias (@ancrage/<name>), not by a relative path.' },
  { regex: '^(\\.\\./)+[a-z-]+/src(/|$)', message: 'Import another package by its alias (@ancrage/<name>), not by a relative path.' },
  { regex: '^@ancrage/(?!testing/|event-store/testing$)[a-z-]+/.+', message: "Another package's internals: import what its index.ts exports." },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/**', 'test-artifacts/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Nest's modules, DTOs, views and TypeORM entities are classes used as data shapes (they carry
      // the decorators Swagger, class-validator and TypeORM read): they have no behaviour, so an
      // object literal of their shape, or a spread copy of one, is as good as an instance.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-misused-spread': 'off',
      // Numbers and booleans read well in messages (`position ${n}`); objects are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // `_` marks what a destructuring drops on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // `return next()` or `return rows.put(…)` ends a branch of a void function: the house style.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `!` marks an invariant the types cannot carry (a key put a line before, a row a previous
      // check proved present); a wrong one fails loudly on the next line.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Without noUncheckedIndexedAccess the compiler believes every lookup by key is defined, so
      // this rule would ask to remove the checks that guard lookups by keys from requests and events.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-imports': ['error', { patterns: boundaries }],
    },
  },
  {
    // Only the composition roots choose an event store adapter.
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...boundaries,
            { group: ADAPTERS, message: 'Only the composition roots (apps/) choose an adapter.' },
            { group: ['@ancrage/api', '@ancrage/cli'], message: 'A library never imports an app.' },
          ],
        },
      ],
    },
  },
  ...CONTEXTS.map((context) => ({
    // A domain is pure: no Nest, no TypeORM, no other context.
    files: [`libs/${context}/src/domain/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...boundaries,
            { group: ['@nestjs/*', 'typeorm', 'pg', ...LIBS.filter((l) => l !== 'shared-kernel').map((l) => `@ancrage/${l}`)], message: 'A domain imports only the shared kernel.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      // Tests reach into answers they have just checked the shape of.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Without noUncheckedIndexedAccess the compiler believes every lookup by key is defined, so
      // this rule would ask to remove the checks that guard lookups by keys from requests and events.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
);
