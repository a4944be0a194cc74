"""``python -m marsad ...``: the same as the ``marsad`` command."""

from marsad.cli import main

main(prog_name="marsad")
