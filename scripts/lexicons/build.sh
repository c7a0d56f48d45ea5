#!/bin/sh
# Regenerates the generated lexicons under lexicons/ (see lexicons/README.md).
set -eu
cd "$(dirname "$0")/../.."
exec python3 scripts/lexicons/build_lexicons.py "$@"
