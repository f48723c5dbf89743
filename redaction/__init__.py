"""Dutch PII redaction at the channel boundary: nothing personal reaches Rasa, logs or trends."""
