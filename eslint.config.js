// One lint setup for the whole repository. Type-aware rules run on every TypeScript file.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// core/ runs in the server and the browser and must stay free of I/O: these are the modules that
// would bring it in. Pure rules take what they need (today, thresholds) as arguments.
const ioModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'pg',
  'kysely',
  '@electric-sql/*',
  'fastify',
  '@fastify/*',
  'pino',
  'react',
  'react-dom',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'data/',
      'test-results/',
      'playwright-report/',
      '.ci/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ioModules,
              message: 'core/ is pure: no I/O. Pass what the rule needs in as arguments.',
            },
            {
              group: ['**/server/**', '**/web/**'],
              message: 'core/ may not depend on the server or the web client.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'core/ is pure: no I/O.' },
        { name: 'process', message: 'core/ is pure: configuration comes in as arguments.' },
        { name: 'localStorage', message: 'core/ is pure: no I/O.' },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // A feature imports the case kernel (server/case-kernel), the accounts kernel
    // (server/accounts) and the shared server parts, never another feature: what several
    // features need belongs in a kernel, named as such, not in one of them.
    files: ['server/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z][a-z-]*/',
              message:
                'A feature does not import another feature. Move what both need to server/case-kernel/ or server/accounts/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The case row is the projection of its log: only openCase and appendEvents write either
    // (an assignment too is an event).
    files: ['server/**/*.ts'],
    ignores: ['server/case-kernel/case-access.ts', 'server/**/*.test.ts', 'server/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(insertInto|updateTable)$/][arguments.0.value=/^case(_event)?$/]',
          message:
            'A case and its events are written only by openCase and appendEvents (server/case-kernel/case-access.ts).',
        },
      ],
    },
  },
  {
    // The kernels serve the features and never depend on one.
    files: ['server/case-kernel/**/*.ts', 'server/accounts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**'],
              message: 'A kernel does not depend on a feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points talk to the operator on the console.
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'server/main.ts', 'server/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Migrations are frozen history typed against Kysely<any>, never against the app's schema.
    files: ['server/db/migrations/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', './*'],
              message: 'A migration imports nothing from the application.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
