"""Running extraction over many articles (``claimx extract``) or one (``claimx show``).

- :mod:`~claimx.run.batch`: :func:`~claimx.run.batch.run_extract`, paths in, a claims file out;
- :mod:`~claimx.run.extractor`: what turns articles into claims (the claimx pipeline by default);
- :mod:`~claimx.run.summary`: progress on standard error, the closing summary, exit codes;
- :mod:`~claimx.run.resume`: the progress log that lets an interrupted run continue;
- :mod:`~claimx.run.dask`: the same run on a Dask cluster;
- :mod:`~claimx.run.show`: one article's claims, readable in a terminal.

Reading and writing files is :mod:`claimx.io`'s part.
"""
