import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The clock machinery sits below the features that own clocks (docs/architecture.md, "Clocks"): the
    // owners and features/deadlines import clocks, never the other way round.
    files: ['src/features/clocks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/misconduct/*', '**/complaints/*', '**/vetting/*', '**/deadlines/*', '**/reporting/*'],
              message: 'features/clocks must not import a feature that owns clocks (docs/architecture.md, "Clocks").',
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
