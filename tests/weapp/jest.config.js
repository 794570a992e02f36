/** Smoke test over the built weapp bundle (miniprogram/dist); `npm run build:weapp` first. */
module.exports = require('../jest.base')('weapp');
