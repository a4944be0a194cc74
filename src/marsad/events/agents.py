"""Generic actors ("agents"): police, soldiers, gunmen, protesters... read from ``data/agents.yaml``.

An agent noun is an event actor even when it names no state. Its country comes only from what is
attached to it in the text: a state adjective (``الشرطة العراقية``، ``جنود إسرائيليون``) or a genitive
state or organization (``قوات النظام``، ``جنود الناتو``). Without one, the actor has no code: the coder
keeps such an event only when the other side has a code, or when its type is one of
``uncoded_types`` (an assault by ``مسلحون``, a protest by ``متظاهرون``).

Inside the coder an uncoded agent carries the pseudo-code ``?AGENT`` (so that two different agents are
two sides and nothing merges them with a state); :func:`actor_ref` turns that into
``ActorRef(entity="agent:AGENT", code=None, agent="AGENT")``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer
from marsad.types import ActorRef
from marsad.datafiles import read_yaml

DATA_DIR = Path(__file__).with_name("data")
AGENT_PREFIX = "agent:"
UNCODED = "?"


def _strip(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


@dataclass
class Agents:
    """Agent nouns (folded, article removed) → agent code; phrases indexed by their first word."""

    single: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    trigger_agents: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    noun_subject_types: frozenset[str] = frozenset()
    victim_types: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    uncoded_types: frozenset[str] = frozenset()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.single) | frozenset(self.phrases)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Agents":
        path = Path(path) if path else DATA_DIR / "agents.yaml"
        data = read_yaml(path, "the agent nouns")
        if not isinstance(data.get("agents"), dict):
            raise KnowledgeBaseError("the agent file needs an 'agents' mapping", str(path))
        norm = Normalizer()
        keys = lambda xs: frozenset(_strip(norm.key(str(x))) for x in xs or () if x)  # noqa: E731
        out = cls(skip=keys(data.get("skip")), titles=keys(data.get("titles")), not_before=keys(data.get("not_before")),
                  not_after=keys(data.get("not_after")),
                  uncoded_types=frozenset(str(x) for x in data.get("uncoded_types") or ()),
                  trigger_agents=frozenset(str(x) for x in data.get("trigger_agents") or ()),
                  noun_subject_types=frozenset(str(x) for x in data.get("noun_subject_types") or ()),
                  victims=frozenset(str(x) for x in (data.get("victims") or {}).get("agents") or ()),
                  victim_types=frozenset(str(x) for x in (data.get("victims") or {}).get("types") or ()))
        for code, forms in data["agents"].items():
            if not isinstance(forms, list) or not str(code).isupper():
                raise KnowledgeBaseError(f"agent {code!r}: an upper-case code with a list of forms", str(path))
            for f in forms:
                words = tuple(_strip(w) for w in norm.key(str(f)).split())
                if not words:
                    continue
                if len(words) == 1:
                    out.single.setdefault(words[0], str(code))
                else:
                    out.phrases.setdefault(words[0], []).append((words, str(code)))
        for v in out.phrases.values():
            v.sort(key=lambda x: -len(x[0]))
        return out

    def match(self, keys_at) -> tuple[int, str] | None:
        """``keys_at(k)`` gives the candidate keys of the k-th word from here (empty past the end):
        the (number of words, agent code) of the longest agent form starting here, or None."""
        first = keys_at(0)
        for key in first:
            for words, code in self.phrases.get(key, ()):
                if all(words[k] in keys_at(k) for k in range(1, len(words))):
                    return len(words), code
        for key in first:
            code = self.single.get(key)
            if code:
                return 1, code
        return None


def actor_ref(code: str | None, entity: str | None) -> ActorRef:
    """The :class:`ActorRef` of an internal (code, entity) pair; agents carry ``agent``."""
    agent = entity[len(AGENT_PREFIX):] if entity and entity.startswith(AGENT_PREFIX) else None
    if code is not None and code.startswith(UNCODED):
        code = None
    return ActorRef(entity, code, agent)
