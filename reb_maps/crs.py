"""The project's two coordinate systems, in one place: analysis and storage in RD New, display in WGS 84.

Alembic migrations keep their own literal SRID: a migration is history and must not change when code does.
"""

RD = "EPSG:28992"  # Amersfoort / RD New: metres, for areas, distances and the workspace's geometry
RD_SRID = 28992
WGS84 = "EPSG:4326"  # longitude/latitude: what Leaflet and GeoJSON files for the browser use
