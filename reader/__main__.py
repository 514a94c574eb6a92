"""Entry point: ``reader`` opens the window; ``reader COMMAND`` runs a command."""

import multiprocessing
import sys


def main() -> int:
    # A frozen (PyInstaller) app re-executes itself for worker processes.
    multiprocessing.freeze_support()
    from reader.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
