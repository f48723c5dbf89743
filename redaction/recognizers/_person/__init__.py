"""The parts of ``NlPersonRecognizer``, one responsibility per module.

``tokens`` (the token model), ``triggers`` (trigger phrases), ``shapes`` (is this word a name?),
``spans`` (how far a name reaches) and ``triggered`` (names after a trigger phrase) are mixed into
the recognizer in ``redaction.recognizers.nl_person_recognizer``, which keeps the lookup and the
message-wide strategies.
"""
