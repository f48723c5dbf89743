"""``python -m runtime privacy-docs``: the processing-register entry, the DPIA facts and the
data-flow diagram, generated from the configuration in force so they cannot drift from it.

``facts`` collects typed facts from the settings (with the ``DH_*`` and profile overrides), the
consent texts, the referral services and the switched-on channels; ``register``, ``dpia`` and
``flows_svg`` render them in Dutch; ``write`` puts the files in a folder.
"""
