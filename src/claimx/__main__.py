"""``python -m claimx``: the same command line as the ``claimx`` script."""

from __future__ import annotations

from claimx.cli import main

# Dask and multiprocessing workers started with "spawn" import this module
# again; only the real entry point runs the command.
if __name__ == "__main__":
    main()
