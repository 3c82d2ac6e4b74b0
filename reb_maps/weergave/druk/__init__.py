"""Print rendering from the layer catalogue: static maps and vector charts (matplotlib, no browser)."""
