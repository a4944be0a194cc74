"""marsad — an Arabic-first observatory of international relations.

Importing the package does no I/O: knowledge bases, models and databases are loaded
only when a caller asks for them (see :mod:`marsad.resources`).
"""

__version__ = "0.1.0"
