"""The selection in the link and the sidebar (ui.state): parsing a municipality name."""

import pytest

from ui.state import parse_gemeente


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Almelo", "Almelo"), ("almelo", "Almelo"), (" hof van twente ", "Hof van Twente"), ("Hengelo (O.)", "Hengelo"),
     ("Amsterdam", None), ("", None), (None, None), ("<script>", None)],
)  # fmt: skip
def test_parse_gemeente(raw, expected):
    assert parse_gemeente(raw) == expected
