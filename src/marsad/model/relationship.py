"""All four views of one dyad built in one call (what the report layer renders)."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model.character import Character
from marsad.model.config import ModelConfig
from marsad.model.dyad import DyadModel
from marsad.model.framing import Framing
from marsad.model.records import ModelInput
from marsad.model.registers import Registers
from marsad.model.tone import ToneLexicon


@dataclass(slots=True)
class Relationship:
    model: DyadModel
    registers: Registers
    character: Character
    framing: Framing

    @classmethod
    def build(cls, data: ModelInput, a: str | None = None, b: str | None = None, period: str = "month",
              start: str | None = None, end: str | None = None, config: ModelConfig | None = None,
              lexicon: ToneLexicon | None = None, periods=None, kb=None,
              framing_limit: int | None = None) -> Relationship:
        """``framing_limit``: frame only the stories reported by the most outlets (see Framing.build)."""
        config = config or ModelConfig.load()
        model = DyadModel.build(data.events, a, b, period, start, end, config, stances=data.stances)
        registers = Registers.build(model, data.quantities, kb=kb)
        character = Character.build(model, periods, kb)
        framing = Framing.build(data, lexicon, config, codes=(model.a, model.b), limit=framing_limit)
        return cls(model, registers, character, framing)

    def to_dict(self, evidence: bool = True) -> dict:
        return {"model": self.model.to_dict(evidence), "registers": self.registers.to_dict(),
                "character": self.character.to_dict(), "framing": self.framing.to_dict()}
