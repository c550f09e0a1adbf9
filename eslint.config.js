import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The features, bottom to top: a feature may import the kernel, the database layer and the features of the
 * layers below its own, each through that feature's front door (its index.ts), never a feature of its own
 * layer or above. docs/architecture.md draws the same picture.
 */
const featureLayers = [
  ['organisation', 'notifications', 'clocks'],
  ['auth'],
  ['vetting', 'recommendations', 'audit', 'admin'],
  ['misconduct'],
  ['restrictions', 'imports', 'backup', 'scale'],
  ['oversight', 'people'],
  ['complaints', 'early-intervention', 'reporting', 'publication'],
  ['deadlines'],
  ['scheduler'],
  ['health'],
];
const featureRules = featureLayers.flatMap((layer, i) =>
  layer.map((name) => ({
    from: [['feature', { name }]],
    allow: [
      'kernel',
      'db',
      ['feature', { name }],
      ...featureLayers
        .slice(0, i)
        .flat()
        .map((n) => ['feature', { name: n }]),
    ],
  })),
);

/** Lint is type-aware and every finding is an error: CI fails on warnings-as-habit. */
export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'scratch/',
      'test-results/',
      'public/',
      'src/db/migrations/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      // Fastify hooks and handlers are async by contract even when a body has nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The layers: the kernel imports no feature; features import the kernel and lower features through their
    // front doors; only src/app (which assembles the server) and src/cli may import anything.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.http-fixtures.ts', '**/*test-support.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'kernel', pattern: 'src/kernel' },
        { type: 'db', pattern: 'src/db' },
        { type: 'app', pattern: 'src/app' },
        { type: 'cli', pattern: 'src/cli' },
        { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          rules: [
            { from: ['kernel'], allow: ['kernel', 'db'] },
            { from: ['db'], allow: ['db', 'kernel'] },
            ...featureRules,
            { from: ['app', 'cli'], allow: ['kernel', 'db', 'feature', 'app', 'cli'] },
          ],
        },
      ],
    },
  },
  {
    // Another feature is reached through its front door only; the app and the CLI may reach inside.
    files: ['src/features/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.http-fixtures.ts', '**/*test-support.ts'],
    rules: {
      'boundaries/entry-point': [
        'error',
        {
          default: 'allow',
          rules: [
            { target: ['feature'], disallow: ['**'] },
            { target: ['feature'], allow: 'index.ts' },
          ],
        },
      ],
    },
  },
  {
    // Test support lives under test/ (fixtures, worlds, the test app); the product never imports it.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+test/',
              message: 'Only *.test.ts files under src/ may import from test/; test support belongs under test/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', document: 'readonly' } },
  },
);
