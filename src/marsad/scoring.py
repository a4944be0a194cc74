"""Precision, recall and F1 from counts: the one score record every evaluation uses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Score:
    """Counts of true positives, false positives and false negatives, with optional examples of the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, system: set[str], gold: set[str], where: str) -> None:
        """Count one item's system and gold sets, keeping the errors (``where: item``)."""
        self.tp += len(system & gold)
        self.fp += len(system - gold)
        self.fn += len(gold - system)
        self.false_positives.extend(f"{where}: {x}" for x in sorted(system - gold))
        self.false_negatives.extend(f"{where}: {x}" for x in sorted(gold - system))

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn,
                "predicted": self.tp + self.fp}
