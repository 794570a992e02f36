module.exports = require('../jest.base')('deploy');
