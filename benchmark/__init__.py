"""The national-scale benchmark, outside the product package: `python -m benchmark` (see `run.py`)."""
