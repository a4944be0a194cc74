"""The model's settings, read from ``marsad/model/data/model.yaml`` (or an analyst's copy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.datafiles import read_yaml

DATA_DIR = Path(__file__).with_name("data")
MODALITIES = ("asserted", "future", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class ModelConfig:
    """See ``data/model.yaml`` for the meaning of each setting."""

    symmetric_types: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})
    modality_weights: dict[str, float] = field(default_factory=lambda: {
        "asserted": 1.0, "future": 0.5, "hypothetical": 0.25, "negated": 0.0})
    z: float = 1.96
    merge_reports: bool = True
    undated: str = "published"
    merge_window_days: int = 1
    min_events: int = 2
    cooperative: float = 0.5
    contested: float = 0.0
    shift: float = 0.2
    side_gap: float = 0.3
    opposite_sides: bool = True
    rival_camps: bool = True
    stated_sides: bool = True
    stated_min: int = 1
    stance_band: float = 0.2
    figure_tolerance: float = 0.02
    labels: dict = field(default_factory=dict)
    path: str | None = None

    @classmethod
    def load(cls, path: Path | str | None = None) -> ModelConfig:
        path = Path(path) if path else DATA_DIR / "model.yaml"
        data = read_yaml(path, "the model settings", default={})
        ch = data.get("character") or {}
        try:
            weights = {str(k): float(v) for k, v in (data.get("modality_weights") or {}).items()}
            cfg = cls(
                symmetric_types=frozenset(str(t) for t in data.get("symmetric_types") or ()),
                modality_weights=weights,
                z=float(data.get("z", 1.96)),
                merge_reports=bool(data.get("merge_reports", True)),
                undated=str(data.get("undated", "published")),
                merge_window_days=int(data.get("merge_window_days", 1)),
                min_events=int(ch.get("min_events", 2)),
                cooperative=float(ch.get("cooperative", 0.5)),
                contested=float(ch.get("contested", 0.0)),
                shift=float(ch.get("shift", 0.2)),
                side_gap=float(ch.get("side_gap", 0.3)),
                opposite_sides=bool(ch.get("opposite_sides", True)),
                rival_camps=bool(ch.get("rival_camps", True)),
                stated_sides=bool(ch.get("stated_sides", True)),
                stated_min=int(ch.get("stated_min", 1)),
                stance_band=float(data.get("stance_band", 0.2)),
                figure_tolerance=float(data.get("figure_tolerance", 0.02)),
                labels=data.get("labels") or {},
                path=str(path),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"bad model setting: {exc}", str(path)) from exc
        missing = [m for m in MODALITIES if m not in cfg.modality_weights]
        if missing:
            raise KnowledgeBaseError(f"modality_weights lacks {missing}", str(path))
        if any(not 0 <= w <= 1 for w in cfg.modality_weights.values()):
            raise KnowledgeBaseError("modality weights must lie in [0, 1]", str(path))
        if cfg.undated not in ("published", "skip"):
            raise KnowledgeBaseError(f"undated must be 'published' or 'skip', not {cfg.undated!r}", str(path))
        if not cfg.contested <= cfg.cooperative:
            raise KnowledgeBaseError("character.contested must not exceed character.cooperative", str(path))
        return cfg

    def label(self, group: str, key: str | None, lang: str = "en") -> str:
        """A display label (``group`` is character, change, contact_mode, status, dossiers, actors)."""
        row = (self.labels.get(group) or {}).get(key) if key is not None else None
        if isinstance(row, dict) and row.get(lang):
            return str(row[lang])
        return str(key) if key is not None else ""

    def actor_name(self, code: str | None, lang: str = "en", kb=None) -> str:
        """An actor's display name: the labels of model.yaml, else the knowledge base, else the code."""
        if code is None:
            return "?"
        row = (self.labels.get("actors") or {}).get(code)
        if isinstance(row, dict) and row.get(lang):
            return str(row[lang])
        if kb is not None:
            entry = kb.code_entry(code)
            if entry is not None:
                return entry.name_ar if lang == "ar" else entry.name_en
        return code
