#!/usr/bin/env bash
# Installs the real @ohif/core (with its own older Cornerstone3D) in tests/ohif/, apart from the
# viewer's packages, for the test that registers the extension with OHIF's managers.
set -euo pipefail
cd "$(dirname "$0")/../tests/ohif"
if [ ! -d node_modules/@ohif/core ]; then
  npm ci --legacy-peer-deps --no-audit --no-fund --silent
fi
