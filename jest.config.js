/**
 * One jest run, several projects: pure unit tests, cloud-function tests against
 * the local cloud, UI tests in jsdom with Taro's H5 components, the weapp smoke
 * test over the built bundle, and end-to-end tests in headless Chromium.
 */
module.exports = {
  // Shared CI machines are slow at times; no test asserts on timing.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/tests/unit/jest.config.js',
    '<rootDir>/tests/functions/jest.config.js',
    '<rootDir>/tests/deploy/jest.config.js',
    '<rootDir>/tests/conformance/jest.config.js',
    '<rootDir>/tests/ui/jest.config.js',
    '<rootDir>/tests/weapp/jest.config.js',
    '<rootDir>/tests/e2e/jest.config.js',
  ],
};
