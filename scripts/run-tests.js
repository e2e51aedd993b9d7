#!/usr/bin/env node
// Runs every compiled test under build/test with Node's test runner; the e2e
// suite (a real n8n server) has its own command, `npm run test:e2e`.
// Pass paths or substrings to run a subset: `node scripts/run-tests.js core/ okta/`.
const { readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', 'build', 'test');
const files = [];
(function walk(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== 'e2e') walk(path);
		} else if (name.endsWith('.test.js')) files.push(path);
	}
})(root);

const filters = process.argv.slice(2);
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)));
if (selected.length === 0) {
	console.error('No test files found under build/test' + (filters.length ? ` matching ${filters.join(', ')}` : ''));
	process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
process.exit(result.status ?? 1);
