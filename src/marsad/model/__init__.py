"""The relationship model: dyad cells, registers, character and framing (see README.md).

Built from flat records (:mod:`marsad.model.records`) made from articles in memory or read from
the store (:mod:`marsad.store.queries`). Every result has ``to_dict()`` for the report layer.
"""

from marsad.model.character import Character, DossierCharacter
from marsad.model.config import ModelConfig
from marsad.model.core import ALL, Interaction, Summary, period_key, wilson
from marsad.model.dyad import Cell, DyadModel, ThirdPartyCell, most_present_dyad
from marsad.model.framing import Framing, OutletFraming, StoryFraming
from marsad.model.records import (ArticleRecord, ContextRef, EventRecord, ModelInput, QuantityRecord, QuoteRecord,
                                  records_from_article)
from marsad.model.registers import Registers
from marsad.model.relationship import Relationship
from marsad.model.tone import ToneLexicon, ToneScore

__all__ = [
    "ALL", "ArticleRecord", "Cell", "Character", "ContextRef", "DossierCharacter", "DyadModel", "EventRecord",
    "Framing", "Interaction", "ModelConfig", "ModelInput", "OutletFraming", "QuantityRecord", "QuoteRecord",
    "Registers", "Relationship", "StoryFraming", "Summary", "ThirdPartyCell", "ToneLexicon", "ToneScore",
    "most_present_dyad", "period_key", "records_from_article", "wilson",
]
