"""Command line: ``claimx extract|show|evaluate|compare|export|load``.

Each sub-command lives in its own module and registers itself on
:data:`claimx.cli.app.app`; this module imports them and gives the console
script its ``main``. The commands only parse arguments and call the library.
"""

from __future__ import annotations

import importlib

from claimx.cli.app import app

# Sub-command modules register on ``app`` when imported; a module that is not
# written yet simply is not there.
_COMMAND_MODULES = ("extract", "show", "evaluate", "compare", "load")
for _name in _COMMAND_MODULES:
    try:
        importlib.import_module(f"claimx.cli.{_name}")
    except ModuleNotFoundError as _err:  # pragma: no cover - only while building
        if _err.name != f"claimx.cli.{_name}":
            raise


def main() -> None:
    """Console-script entry point."""
    from claimx.pipeline.heap import keep_freed_heap

    # the command's process is claimx's own: its freed heap is kept for the next article
    keep_freed_heap()
    app()


__all__ = ["app", "main"]
