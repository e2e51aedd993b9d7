// `npm run test:e2e`: the packed package in a real n8n server and in its editor.
// One file at a time: each starts its own n8n and the emulators.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e'],
	testPathIgnorePatterns: ['/node_modules/'],
	testMatch: ['**/*.e2e.test.js'],
	maxWorkers: 1,
	// A fresh n8n install takes minutes; a whole scenario up to half an hour.
	testTimeout: 30 * 60_000,
};
