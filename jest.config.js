// `npm test`: every compiled test under build/test except the end-to-end suite
// (a real n8n server), which has its own command and config (jest.e2e.config.js).
/** @type {import('jest').Config} */
module.exports = {
	rootDir: 'build',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	testEnvironment: 'node',
	// Workflow tests run whole syncs through n8n's engine against the emulators.
	testTimeout: 120_000,
	// Halo's swagger is 3.6 MB: parsed once per worker, kept warm across files.
	maxWorkers: process.env.JEST_MAX_WORKERS ?? '50%',
};
