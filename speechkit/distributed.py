"""One self-contained record per document, for mapping over partitions of a distributed engine.

``analyze`` is a pure function of one document's text and options, so a folder
of speeches maps over Dask (or Spark, or Ray) partitions with no shared state:

>>> import dask.bag as db                                      # doctest: +SKIP
>>> bag = db.from_sequence(paths, npartitions=8).map(record_for_path)  # doctest: +SKIP
>>> records = bag.compute(scheduler="processes")               # doctest: +SKIP
"""

from __future__ import annotations

from .errors import SpeechkitError
from .pipeline import Options, analyze
from .source import read_path, require_text
from .views import record


def record_for_path(path: str, command: str = "themes", lexicon: str | None = None) -> dict:
    """The ``--json-lines`` record of one file; a failed file gives ``{"source": …, "error": …}``."""
    try:
        doc = require_text(read_path(path))
    except SpeechkitError as exc:
        return {"source": {"name": str(path)}, "error": str(exc)}
    a = analyze(doc.text, Options(lexicon=lexicon), name=doc.name, encoding=doc.encoding, warnings=doc.warnings)
    return record(command, a)
