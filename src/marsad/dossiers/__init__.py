"""Dossiers: the thematic files articles and events are sorted into (see :mod:`marsad.dossiers.classify`)."""
