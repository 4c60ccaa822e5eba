#!/usr/bin/env bash
# Run the app locally: bash scripts/run.sh [extra streamlit arguments]
# DATABASE_URL overrides the default SQLite file data/wide_deep.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'wide-and-deep: %s\n' "$*"; }
port=8501
for arg in "$@"; do
    case "$arg" in --server.port=*) port="${arg#*=}" ;; esac
done

if [ ! -x .venv/bin/python ]; then
    say "setting up a Python environment in .venv — about a minute the first time"
    python3 -m venv .venv
fi
# Quiet unless something fails: then pip's own output explains why.
if ! log=$(.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt 2>&1); then
    printf '%s\n' "$log" >&2
    say "installing requirements.txt failed (above)" >&2
    exit 1
fi
say "starting at http://localhost:${port} (Ctrl+C stops it)"
exec .venv/bin/python -m streamlit run app.py --server.headless true "$@"
