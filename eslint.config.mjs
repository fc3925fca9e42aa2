// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frameworkImports = [
  { group: ['@nestjs/*', '@nestjs/**'], message: 'libs/domain is pure: no NestJS.' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', 'pg-*'], message: 'libs/domain is pure: no database code.' },
  { group: ['kafkajs', 'kafkajs/*'], message: 'libs/domain is pure: no Kafka code.' },
  { group: ['@influxdata/*'], message: 'libs/domain is pure: no InfluxDB code.' },
  { group: ['@grpc/*', 'express', 'express/*', 'http', 'https', 'node:http', 'node:https', 'fs', 'node:fs', 'net', 'node:net'], message: 'libs/domain is pure: no I/O.' },
  { group: ['class-validator', 'class-transformer'], message: 'libs/domain is pure: validation belongs to the adapters.' },
  { group: ['@cellscope/*'], message: 'libs/domain depends on no other cellscope library.' },
];

export default tseslint.config(
  { ignores: ['.build-*/**', 'dist/**', 'node_modules/**', 'coverage/**', '.data/**', '.stack/**', 'test-artifacts/**', 'libs/http-api/src/panel/assets/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: frameworkImports }] },
  },
  {
    files: ['libs/panel-static/**/*.js', 'libs/http-api/src/panel/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
