"""Rasa's SQL tracker store, plus the one thing it lacks: erasing a conversation on request.

Rasa Open Source has no way to delete a conversation. When a resident asks for it
("verwijder mijn gegevens"), ``action_delete_my_data`` runs; when this store next saves that
tracker, it deletes every stored event of the conversation - earlier sessions included - in
the same transaction, and keeps only what came after the action (its plain-words confirmation
and the restart). Configured in ``endpoints.yml``; the action's name is ``erase_action`` there.
On SQLite the write-ahead log is checkpointed right after, so the erased text is not left in it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

from privacy.at_rest import checkpoint_wal

logger = logging.getLogger(__name__)
DEFAULT_ERASE_ACTION = "action_delete_my_data"


class ErasableSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, erase_action: str = DEFAULT_ERASE_ACTION, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.erase_action = erase_action
        self._erased = False  # set while saving a tracker with an erasure, cleared after commit
        # (sender id, stored events) counted by stream_events for the save that follows it:
        # Rasa's save calls both with no await in between, so no other save can interleave.
        self._counted: tuple[str, int] | None = None
        # Database errors must not carry event data or sender ids into Rasa's error log.
        self.engine.hide_parameters = True
        if self.engine.dialect.name == "sqlite":
            # Erased events are overwritten, not left behind in free pages of the file.
            event.listen(self.engine, "connect", _secure_delete)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Publish the events the store does not hold yet.

        Rasa's own version reloads and replays the whole stored tracker on every save to learn
        how many events it holds. Counting the stored rows of the current session - the count
        ``_additional_events`` needs next, in the same save - gives the same offset for a
        fraction of the cost, and the save reuses it instead of counting twice.
        """
        if self.event_broker is None:
            return
        stored = self._stored_count(tracker.sender_id)
        self._counted = (tracker.sender_id, stored)
        new_events = list(itertools.islice(tracker.events, stored, len(tracker.events)))
        await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)

    def _stored_count(self, sender_id: str, session: Any = None) -> int:
        if session is None:
            with self.session_scope() as session:
                return self._stored_count(sender_id, session)
        return self._event_query(session, sender_id, fetch_events_from_all_sessions=False).count()

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save; after an erasure, checkpoint the write-ahead log (no await in between, so the
        flag belongs to this save)."""
        self._erased = False
        await super().save(tracker)
        if self._erased:
            self._erased = False
            checkpoint_wal(self.engine)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        counted, self._counted = self._counted, None
        stored = (counted[1] if counted and counted[0] == tracker.sender_id
                  else self._stored_count(tracker.sender_id, session))
        new_events = list(itertools.islice(tracker.events, stored, len(tracker.events)))
        erase_at = max(
            (i for i, event in enumerate(new_events) if self._is_erase(event)), default=None
        )
        if erase_at is None:
            return iter(new_events)
        deleted = (
            session.query(self.SQLEvent)
            .filter(self.SQLEvent.sender_id == tracker.sender_id)
            .delete(synchronize_session=False)
        )
        logger.info("erased a conversation on the resident's request (%d events)", deleted)
        self._erased = True
        return iter(new_events[erase_at + 1:])

    def _is_erase(self, event: object) -> bool:
        return isinstance(event, ActionExecuted) and event.action_name == self.erase_action


def _secure_delete(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()
