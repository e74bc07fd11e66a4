import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The extension reaches the core only through the root package's public entry points (package.json "exports"). */
const EXTENSION_BOUNDARY = {
  patterns: [
    {
      regex: '^(\\.\\./)+(.*/)?src/',
      message: 'The extension reaches the core only through its public entry points: calcscribe/core, calcscribe/draft, calcscribe/codes, calcscribe/dicomweb-json.',
    },
    {
      regex: '^calcscribe/(?!(core|draft|codes|dicomweb-json)$)',
      message: 'Only calcscribe/core, calcscribe/draft, calcscribe/codes and calcscribe/dicomweb-json are public entry points.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'coverage/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['extensions/**/*.ts', 'extensions/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', EXTENSION_BOUNDARY],
      // import() of a deep path crosses the boundary as much as an import declaration does.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/^(\\.\\.\\/)+(.*\\/)?src\\//]', message: EXTENSION_BOUNDARY.patterns[0].message }],
    },
  },
);
