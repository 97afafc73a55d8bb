"""``python -m graphnet.cli`` runs the ``graphnet`` command (as the installed script does)."""

from graphnet.cli import main

main(prog_name="graphnet")
