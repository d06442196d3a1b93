"""Fault injection for tests/faults: loaded by Python at start-up when this folder is on
PYTHONPATH. ``CLAIMX_FAULT=raise:WORD`` makes the claims stage raise on every article whose
text holds WORD (as a stage with a bug would); ``kill:WORD`` kills the process that works on
it with SIGKILL (as the kernel's out-of-memory killer would). Without the variable nothing
is changed."""

from __future__ import annotations

import os
import signal

_FAULT = os.environ.get("CLAIMX_FAULT", "")

if _FAULT:
    from claimx.pipeline.claims import ClaimsComponent

    _KIND, _, _WORD = _FAULT.partition(":")
    _process = ClaimsComponent.process

    def _faulty(self, doc):  # type: ignore[no-untyped-def]
        if _WORD and _WORD in doc.text:
            if _KIND == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError(f"injected fault on {_WORD}")
        return _process(self, doc)

    ClaimsComponent.process = _faulty  # type: ignore[method-assign]
