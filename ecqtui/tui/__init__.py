"""The full-screen Textual front end. Only ``ecq-tui`` with no sub-command imports this."""
