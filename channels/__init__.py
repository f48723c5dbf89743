"""The way in: Rasa input channels (web, socket.io, Telegram, Twilio) that redact at the boundary,
the input gate in front of them and the kind replies when part of the system fails."""
