"""The claimx spaCy pipeline and its entry points (:func:`load`, :func:`extract`,
:func:`extract_many`, :func:`make_doc`); one sub-package per stage."""

from claimx.pipeline.api import (
    DEFAULT_MODEL,
    attributions,
    extract,
    extract_many,
    load,
    make_doc,
    pipeline_config,
)

__all__ = [
    "DEFAULT_MODEL",
    "attributions",
    "extract",
    "extract_many",
    "load",
    "make_doc",
    "pipeline_config",
]
