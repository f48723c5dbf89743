"""The assistant's core: settings, municipality content, safety net and the process launcher."""
