"""`python -m ecqtui` runs the same command line as `ecq-tui`."""

from ecqtui.cli import main

raise SystemExit(main())
