#!/usr/bin/env bash
# Sets everything up, builds, and serves the explorer as a host deploys it (dist/site/, see
# docs/HOSTING.md) on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}" dist/site
