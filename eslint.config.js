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

// Import patterns of the server's boundaries, combined per folder below: in a flat config the
// last matching block's `no-restricted-imports` replaces the earlier ones, it does not add to them.
const anotherFeature = {
  regex: '^\\.\\./[a-z][a-z-]*/',
  message:
    'A feature does not import another feature. Move what both need to server/case-kernel/ or server/accounts/.',
};
const anyFeature = {
  group: ['**/features/**'],
  message: 'A kernel does not depend on a feature.',
};
// Audit rows are written by the command frame (server/command.ts): an act and its record are one.
const auditOutsideTheFrame = {
  group: ['**/audit/audit.ts'],
  importNames: ['recordAudit'],
  message:
    'Audit rows are written by the command frame: run the act through execute() in server/command.ts.',
};
const restrictedImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

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
    // Nothing writes an audit row but the frame, and what comes before an actor exists: logging in
    // and out (auth), a replayed answer (http/idempotency), a refusal (audit/refusals).
    files: ['server/**/*.ts'],
    ignores: [
      'server/command.ts',
      'server/audit/**',
      'server/http/idempotency.ts',
      'server/features/auth/**',
      'server/**/*.test.ts',
      'server/test/**',
    ],
    rules: restrictedImports(auditOutsideTheFrame),
  },
  {
    // A feature imports the case kernel (server/case-kernel), the accounts kernel
    // (server/accounts) and the shared server parts, never another feature: what several
    // features need belongs in a kernel, named as such, not in one of them.
    files: ['server/features/**/*.ts'],
    ignores: ['server/features/auth/**', 'server/**/*.test.ts'],
    rules: restrictedImports(anotherFeature, auditOutsideTheFrame),
  },
  {
    files: ['server/features/auth/**/*.ts', 'server/features/**/*.test.ts'],
    rules: restrictedImports(anotherFeature),
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
    ignores: ['server/**/*.test.ts'],
    rules: restrictedImports(anyFeature, auditOutsideTheFrame),
  },
  {
    files: ['server/case-kernel/**/*.test.ts', 'server/accounts/**/*.test.ts'],
    rules: restrictedImports(anyFeature),
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
