#!/usr/bin/env bash
# Set up everything the tests need on a fresh clone, then run pytest.
#
#   bash scripts/test.sh            # every test
#   bash scripts/test.sh -m "not browser" -x   # arguments go to pytest
#
# Installs only through ordinary clients: pip (requirements-dev.txt) and, when we are root
# and something is missing, apt-get (Debian chromium, PostgreSQL server binaries).
# Never `playwright install`: it downloads its own browser build, which cannot be fetched
# here; the browser tests drive the Debian chromium at /usr/bin/chromium instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet -r requirements-dev.txt

apt_updated=0
apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "scripts/test.sh: missing $*; install it (apt-get install $*) or run as root" >&2
        return 0
    fi
    if [ "$apt_updated" -eq 0 ]; then
        apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-dejavu-core
fi

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt_install postgresql
fi

# Two workers (pytest-xdist), each whole test file on one worker (module-scoped app servers stay
# with their tests): the browser tests spend most of their time waiting on a page, so two run in
# the time of one and a bit on a 2-core machine. WIDE_DEEP_TEST_WORKERS=0 runs in one process.
workers="${WIDE_DEEP_TEST_WORKERS:-2}"
if [ "$workers" = "0" ]; then
    exec .venv/bin/python -m pytest "$@"
fi
exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
