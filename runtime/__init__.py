"""Starting and keeping the system: the composition root, the process launcher and its profiles,
the action server, the retention jobs and the privacy documents generated from the settings."""
