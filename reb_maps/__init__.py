"""REB Twente werklocaties-dashboard: data, maps, charts, documents and engines."""

__version__ = "0.1.0"  # keep equal to pyproject.toml; printed on briefings
