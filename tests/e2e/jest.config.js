// testTimeout is a global option in jest 29: the e2e files set theirs with jest.setTimeout.
module.exports = require('../jest.base')('e2e', { maxWorkers: 1 });
