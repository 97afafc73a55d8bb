"""Run ArcadeDB's embedded server (Bolt on) in its own process, for the Neo4j tests
and the benchmark.

The JVM runs in this process, not in the test process: a Java server thread that
calls back into Python (ArcadeDB's logging bridge) can crash the interpreter that
also drives the Bolt client, so the two are kept apart. Protocol: the caller sends
the root password on stdin; this prints one JSON line ``{"bolt_port": …}`` when the
server is ready and stops the server when stdin closes.

    python tests/neo4j/arcadedb_server.py ROOT_DIR DATABASE [HEAP]
"""

from __future__ import annotations

import json
import os
import socket
import sys


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    root, database = sys.argv[1], sys.argv[2]
    heap = sys.argv[3] if len(sys.argv) > 3 else "768m"
    password = sys.stdin.readline().strip()
    os.chdir(root)  # ArcadeDB writes ./log under the working directory
    from arcadedb_embedded.server import ArcadeDBServer

    bolt_port = free_port()
    server = ArcadeDBServer(
        root_path=os.path.join(root, "databases"),
        root_password=password,
        config={
            "http_port": free_port(),
            "host": "127.0.0.1",
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
        },
        jvm_kwargs={"heap_size": heap},
    )
    server.start()
    try:
        server.create_database(database)
        print(json.dumps({"bolt_port": bolt_port}), flush=True)
        sys.stdin.read()  # until the caller closes stdin
    finally:
        server.stop()


if __name__ == "__main__":
    main()
