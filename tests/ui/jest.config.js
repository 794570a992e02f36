const path = require('node:path');
const nodeProject = require('../jest.base');

const root = path.resolve(__dirname, '../..');

/**
 * Pages and components rendered in jsdom. `@tarojs/components` resolves to
 * Taro's React H5 components (the same ones the H5 build uses), with small
 * stand-ins for the ones H5 implements as Stencil web components;
 * `@tarojs/taro` resolves to a controllable test double.
 */
module.exports = nodeProject('ui', {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/ui/**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/tests/ui/support/setup.ts'],
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/shared/$1',
    '^@tarojs/components$': '<rootDir>/tests/ui/support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/tests/ui/support/taro-double.ts',
    '^@antv/f2$': '<rootDir>/tests/ui/support/f2-stub.ts',
    '\\.(css|scss)$': '<rootDir>/tests/ui/support/style-stub.js',
  },
  // Taro's H5 components ship as ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs/components-react)/)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  rootDir: root,
});
