module.exports = require('../jest.base')('e2e', { testTimeout: 90_000, maxWorkers: 1 });
