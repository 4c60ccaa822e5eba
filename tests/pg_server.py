"""A throw-away PostgreSQL server for tests and benchmarks, started from local binaries.

``start_postgres()`` runs ``initdb`` into a fresh temporary folder, starts ``postgres`` on a
free TCP port of 127.0.0.1 (its unix socket in the same folder, so it never clashes with a
system cluster) and returns a ``PostgresServer``; ``stop_postgres()`` stops it and deletes the
folder. Both ``tests/conftest.py`` and ``bench/storage.py`` use it.

PostgreSQL refuses to run as root, so when we are root every server command runs as the
``postgres`` user (created if absent), and the folder is made in ``/tmp`` (not pytest's
``tmp_path``, which is private to root) and handed to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.st_server import free_port

PG_USER = "postgres"


class PostgresNotFound(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl) on this machine."""


@dataclass(frozen=True, slots=True)
class PostgresServer:
    """A running throw-away server; ``url`` points at its first database."""

    bin_dir: Path
    root: Path
    port: int
    database: str
    durable: bool = False

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    @property
    def url(self) -> str:
        return self.url_for(self.database)

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)


def find_postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin``, else the folder of ``initdb`` on PATH."""
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    candidates.sort(key=_major_version)
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    return None


def _major_version(initdb: str) -> int:
    name = Path(initdb).parent.parent.name  # /usr/lib/postgresql/<version>/bin/initdb
    return int(name) if name.isdigit() else 0


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _ensure_pg_user() -> None:
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=True,
        )


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", PG_USER, "--", *cmd] if _running_as_root() else cmd


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stdout}\n{done.stderr}")


def start_postgres(database: str = "wide_deep", *, durable: bool = False) -> PostgresServer:
    """Start a fresh server with one empty database.

    ``durable=False`` (tests) turns off fsync and friends: data survives a clean stop but
    not a machine crash, and tests run several times faster. Benchmarks pass ``durable=True``
    to measure what a real server would do.
    """
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        raise PostgresNotFound(
            "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb). "
            "Install them with: apt-get install -y postgresql"
        )
    root = Path(tempfile.mkdtemp(prefix="wide-deep-pg-"))
    if _running_as_root():
        _ensure_pg_user()
        user = pwd.getpwnam(PG_USER)
        os.chown(root, user.pw_uid, user.pw_gid)
    port = free_port()
    server = PostgresServer(bin_dir=bin_dir, root=root, port=port, database=database, durable=durable)
    try:
        _run(
            [str(bin_dir / "initdb"), "-D", str(server.data_dir), "-U", PG_USER,
             "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
            "initdb",
        )
        restart_postgres(server)
        server.create_database(database)
    except Exception as error:
        log = server.log_file.read_text(errors="replace") if server.log_file.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL in {root}: {error}\n{log}") from error
    return server


def stop_server_process(server: PostgresServer) -> None:
    """Stop the server but keep its files (``restart_postgres`` starts it again)."""
    _run([str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-m", "fast", "-w", "stop"],
         "pg_ctl stop")


def restart_postgres(server: PostgresServer) -> None:
    """Start the server process (again, after ``stop_server_process``) on its port."""
    options = [f"-p {server.port}", f"-k {server.root}", "-c listen_addresses=127.0.0.1"]
    if not server.durable:
        options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    _run(
        [str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(server.log_file),
         "-o", " ".join(options), "-w", "-t", "60", "start"],
        "pg_ctl start",
    )


def stop_postgres(server: PostgresServer) -> None:
    """Stop the server (if running) and delete its folder."""
    try:
        stop_server_process(server)
    except RuntimeError:
        pass  # already stopped; the folder goes all the same
    finally:
        shutil.rmtree(server.root, ignore_errors=True)
