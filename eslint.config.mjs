// n8n's own rules for community nodes (the ones n8n Cloud verification runs).
import { config } from '@n8n/node-cli/eslint';

export default config;
