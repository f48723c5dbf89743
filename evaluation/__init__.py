"""Conversation-level evaluation of the whole running system (``make eval-conversations``).

Scripted resident conversations, written blind, are played against the real Rasa and action
servers over REST; the replies are read as a resident reads them (which answer, which number,
which question) and scored per conversation and in total.
"""
