"""A corpus you can query: analysed documents stored in one SQLite file.

``speechkit.analyze`` stays pure; this package stores what it returns and reads it back.

* ``schema``: the tables, ``connect`` (create, migrate forward, refuse a newer database);
* ``rows``: an ``Analysis`` as table rows and back (pure: runs in worker processes too);
* ``store``: the one writer of a run, a transaction per batch, incremental by content hash
  and analysis version;
* ``read``: filters (``Selection``) and stored analyses read back;
* ``query``: search, trends, collocates and figures straight from SQL;
* ``parquet``: the same tables as Parquet partitions, for corpora past one machine.
"""
