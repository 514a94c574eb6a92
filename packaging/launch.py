"""Entry script of the frozen app: the same `main` as the `reader` console script."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
