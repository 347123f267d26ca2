"""One ingest pipeline for every kind of input: read, extract and resolve in parallel, one writer appends.

Inputs (files, folders, globs, zip and tar archives, the SEC's daily feed archives) are streamed
(:mod:`.inputs`) and cut into shards of a few dozen documents (:mod:`.shards`). Workers read and
extract each shard (:mod:`.work`) on a local process pool or a Dask cluster (:mod:`.executor`); the
single writer (:mod:`.writer`) appends each shard's facts in one transaction together with a row saying
the shard is done, so a rerun after a crash or Ctrl-C skips exactly what landed and adds nothing twice.
Shards are written in input order, so a run gives the same ledger on one core or on a cluster.
"""

from .._lazy import lazy_exports

__all__ = ["PipelineResult", "run_pipeline"]
__getattr__, __dir__ = lazy_exports(__name__, {name: ".run" for name in __all__}, globals())
