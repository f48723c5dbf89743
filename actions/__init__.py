"""Custom actions for the Rasa action server (``rasa run actions --actions actions``).

rasa-sdk registers every ``Action`` subclass found in this package's modules.
"""
