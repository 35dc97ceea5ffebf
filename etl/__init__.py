"""The ETL and its command line (``policydb``, ``python -m etl``)."""

DISTRIBUTION = "china-industrial-policy-db"


def version() -> str:
    """The installed package's version (pyproject.toml's), as ``--version`` and etl_run show it."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:  # a source tree nobody installed: `make install`
        return "0+unknown"
