"""Extraction and validation of one article, as the pipeline's worker processes run it.

Kept apart from etl/pipeline.py so that a worker (spawned, importing only the
module of the function it runs) loads extraction and validation, not
SQLAlchemy, psycopg and the models: about 30 MB less per worker
(docs/performance.md). A contract in pyproject.toml keeps it so.
"""

from __future__ import annotations

import os
import threading
import time

from pydantic import ValidationError

from etl.extract.article import extract_article
from etl.extract.gazetteer import Gazetteer
from etl.read import ArticleFile
from etl.validate import ArticleRecord, build_record

_worker_gazetteer: Gazetteer | None = None


def _gazetteer() -> Gazetteer:
    global _worker_gazetteer
    if _worker_gazetteer is None:
        _worker_gazetteer = Gazetteer()
    return _worker_gazetteer


def init_worker(parent_pid: int) -> None:
    """In each worker: build the gazetteer once, and die with the parent."""
    _gazetteer()

    # A parent killed with SIGKILL cannot stop its pool, and the workers,
    # blocked on a queue whose other end they hold themselves, would wait forever.
    def watch_parent() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch_parent, daemon=True, name="watch-parent").start()


def extract_record(article: ArticleFile, source_path: str) -> ArticleRecord | str:
    """Extract and validate one article: its record, or why it is rejected."""
    try:
        return build_record(article, extract_article(article.text, _gazetteer()), source_path)
    except ValidationError as error:
        return f"extracted facts failed validation: {error.errors()[0]['msg']}"
    except Exception as error:
        # A bug in a heuristic must cost one article, not the run.
        return f"extraction failed ({type(error).__name__}: {error}); please report this file"
