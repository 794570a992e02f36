module.exports = require('../jest.base')('functions');
