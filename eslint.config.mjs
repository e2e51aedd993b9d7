// n8n's own rules for community nodes (the ones n8n Cloud verification runs)
// on what is published (nodes, credentials, lib), and TypeScript's recommended
// rules on the code that only develops and proves it (tests, emulators, bench,
// scripts), which runs outside n8n and may use Node's modules and globals.
import { config } from '@n8n/node-cli/eslint';

const devOnly = ['test/**/*.ts', 'emulators/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'];

export default [
	...config,
	{ ignores: ['build/**', 'dist/**', 'node_modules/**'] },
	{
		files: devOnly,
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			// Tests and benchmarks print figures they measured.
			'no-console': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
			],
		},
	},
	// Tests and emulators walk untyped JSON (request bodies, answers) freely.
	{
		files: ['test/**/*.ts', 'emulators/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
];
