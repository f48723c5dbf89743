"""What the channels of one Rasa process share, handed to them once by the composition root.

Rasa builds the input channels itself, from ``credentials.yml``; the classes named there
(``runtime.rasa_channels``) run the root for the Rasa process before the first channel is made,
and it calls :func:`provide`. A channel used before that fails loudly instead of opening the vault
or reading the master key on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy.keys import derive_key

if TYPE_CHECKING:  # the types only: both modules read their context from here
    from sqlalchemy.engine import Engine

    from channels.redacting import RedactingBoundary
    from channels.resilience import TurnGuard


@dataclass(frozen=True)
class ChannelContext:
    boundary: RedactingBoundary
    guard: TurnGuard
    socketio_origins: tuple[str, ...]
    privacy_engine: Engine  # health checks only, with short time-outs
    master_key: bytes = field(repr=False)

    def key(self, purpose: str) -> bytes:
        """A key of its own per purpose, so no two uses of the master key can be linked."""
        return derive_key(self.master_key, purpose)


class _Slot:
    context: ChannelContext | None = None


def provide(context: ChannelContext | None) -> None:
    """Set (or, with None, clear) the context every channel of this process uses."""
    _Slot.context = context


def current() -> ChannelContext:
    if _Slot.context is None:
        raise RuntimeError("the channels' services were not provided: name the channel classes "
                           "of runtime.rasa_channels in credentials.yml (runtime.bootstrap builds "
                           "them)")
    return _Slot.context
