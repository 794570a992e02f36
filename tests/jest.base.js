const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Shared settings for the node-side jest projects: swc for TypeScript, the @shared alias. */
module.exports = function nodeProject(name, overrides = {}) {
  return {
    displayName: name,
    rootDir: root,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
    transform: {
      '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }],
    },
    moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
    ...overrides,
  };
};
