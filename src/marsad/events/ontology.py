"""The PLOVER ontology as objects, loaded from ``events/data/plover.yaml``.

Nothing is read at import time: call :meth:`Ontology.load` (``Resources.ontology`` caches one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.datafiles import read_yaml

DATA_DIR = Path(__file__).with_name("data")
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    intensity: float
    modes: tuple[str, ...] = ()
    mode_intensity: dict[str, float] = field(default_factory=dict)
    symmetric: bool = False
    one_sided: bool = False
    sourceless: bool = False
    cameo: tuple[str, ...] = ()
    gloss: str = ""

    def score(self, mode: str | None = None) -> float:
        """The intensity of this type, mode-specific when the mode has its own score."""
        if mode is not None and mode in self.mode_intensity:
            return self.mode_intensity[mode]
        return self.intensity


@dataclass
class Ontology:
    types: dict[str, EventType] = field(default_factory=dict)
    uncoded_cameo: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Ontology":
        path = Path(path) if path else DATA_DIR / "plover.yaml"
        data = read_yaml(path, "the ontology")
        if not isinstance(data.get("types"), dict):
            raise KnowledgeBaseError("the ontology needs a 'types' mapping", str(path))
        onto = cls(uncoded_cameo=tuple(str(c) for c in data.get("uncoded_cameo") or ()))
        for name, row in data["types"].items():
            if not isinstance(row, dict):
                raise KnowledgeBaseError(f"{name}: a type must be a mapping", str(path))
            quad = row.get("quad")
            if quad not in QUADS:
                raise KnowledgeBaseError(f"{name}: unknown quad class {quad!r}", str(path))
            try:
                intensity = float(row["intensity"])
                modes = tuple(str(m) for m in row.get("modes") or ())
                mode_int = {str(k): float(v) for k, v in (row.get("mode_intensity") or {}).items()}
            except (KeyError, TypeError, ValueError) as exc:
                raise KnowledgeBaseError(f"{name}: bad intensity or modes: {exc}", str(path)) from exc
            for m, v in mode_int.items():
                if m not in modes:
                    raise KnowledgeBaseError(f"{name}: mode_intensity for unknown mode {m!r}", str(path))
            for v in [intensity, *mode_int.values()]:
                if not -10 <= v <= 10:
                    raise KnowledgeBaseError(f"{name}: intensity {v} outside -10..10", str(path))
            onto.types[str(name)] = EventType(
                name=str(name), quad=quad, intensity=intensity, modes=modes, mode_intensity=mode_int,
                symmetric=bool(row.get("symmetric")), one_sided=bool(row.get("one_sided")),
                sourceless=bool(row.get("sourceless")),
                cameo=tuple(str(c).zfill(2) for c in row.get("cameo") or ()), gloss=str(row.get("gloss") or ""),
            )
        return onto

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]

    def __len__(self) -> int:
        return len(self.types)

    def from_cameo(self, code: str) -> list[str]:
        """PLOVER types a CAMEO code (root or longer, e.g. ``"190"``) maps onto; empty for 01/02."""
        root = str(code).strip()[:2].zfill(2)
        return [t.name for t in self.types.values() if root in t.cameo]

    def is_symmetric(self, name: str) -> bool:
        t = self.types.get(name)
        return bool(t and t.symmetric)
