"""The closed vocabularies of the schema's check constraints, importable without SQLAlchemy.

Validation (etl/validate.py) checks records against them in the extraction
workers, which must not load the database layer: a worker is then about 30 MB
lighter (docs/performance.md).
"""

MENTION_ROLES = ("subject", "listed", "dateline", "context")
EVENT_KINDS = ("conference", "government_work_report", "plan", "policy", "other")
STATEMENT_KINDS = ("direct", "indirect")
