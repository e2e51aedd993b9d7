// `npm run test:e2e:queue`: the packed package in n8n's queue mode (Redis, PostgreSQL, a main,
// two workers, a webhook processor), all started and stopped by the test itself.
const e2e = require('./jest.e2e.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...e2e,
	testMatch: ['**/*.e2e-queue.test.js'],
};
