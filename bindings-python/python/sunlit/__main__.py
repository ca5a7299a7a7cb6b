"""``python -m sunlit``: the same as the ``sunlit`` command (see :mod:`sunlit.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
