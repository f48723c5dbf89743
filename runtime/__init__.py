"""Starting and keeping the system: the composition root, the process launcher and its profiles,
the action server and the retention jobs."""
