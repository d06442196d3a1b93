"""The heap of claimx's own processes (the ``claimx`` command and the workers it forks).

glibc gives the top of its heap back to the kernel as soon as more than its trim threshold is
free there, and the next article's allocations fault the same pages in again. Over the 227
ordinary articles of the speed benchmark: about 50,000 page faults in one process and 64,000
in a process forked from the loaded pipeline, against 9,000 and 22,000 with 32 MB kept (a fault
costs 3-5 us in the virtual machine this was measured on). Only processes claimx owns change
it: ``import claimx`` leaves the caller's allocator as it is.
"""

from __future__ import annotations

import ctypes
import os

# mallopt's parameter numbers (glibc's malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# glibc's own ceiling for the mmap threshold it raises as a process frees large blocks
KEEP_FREED_BYTES = 32 << 20


def keep_freed_heap(limit: int = KEEP_FREED_BYTES) -> bool:
    """Let this process's allocator keep up to ``limit`` bytes of freed heap rather than give
    them back to the kernel; whether it took (glibc only: other C libraries are left alone).

    Setting the trim threshold stops glibc from raising its mmap threshold as large blocks are
    freed, and blocks above 128 KB (a batch's arrays) would then be mapped and faulted in anew
    at every allocation (33,000 faults rather than 9,000 in one process): both are set."""
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return False
        libc = ctypes.CDLL(None)
        return bool(
            libc.mallopt(_M_MMAP_THRESHOLD, ctypes.c_int(limit))
            and libc.mallopt(_M_TRIM_THRESHOLD, ctypes.c_int(limit))
        )
    except (ValueError, OSError, AttributeError):  # no such confstr name, no C library
        return False
