#!/usr/bin/env bash
# Run the app locally: bash scripts/run.sh [extra streamlit arguments]
# DATABASE_URL overrides the default SQLite file data/wide_deep.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet -r requirements.txt

exec .venv/bin/python -m streamlit run app.py --server.headless true "$@"
