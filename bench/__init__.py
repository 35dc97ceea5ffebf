"""Benchmark harness for the ETL: a synthetic corpus and an end-to-end run."""
