"""Command bodies behind ``cli.py``: reading inputs, running the library, writing output."""
