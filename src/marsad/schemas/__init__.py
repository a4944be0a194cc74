"""JSON Schemas of marsad's published records (``article.v1.json``: the ``marsad.article/v1`` record)."""
