"""Programmering 2027–2030: the proposals (variants) the bestuurlijk overleg negotiates, kept in the workspace.

An engine (no Streamlit): `regels` (rows, closed lists, the report's starting rows), `varianten` (stored in the
workspace with history and versions), `excel` (template, all-or-nothing import, safe export), `balans` (supply
against the REB's demand, one traffic-light rule). `python -m reb_maps.programmering` is the command line; the
documents are in `reb_maps.weergave.documenten.programmering`.
"""
