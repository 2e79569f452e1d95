"""Open a data file and hold it until stdin closes (or we are killed).

Usage: python hold_store.py DB [--read-only]
Prints one JSON line once the store is open: {"pid": ...}. Needs the repository on
PYTHONPATH. It must never open the lock file itself: closing any descriptor of that file
drops this process's POSIX lock.
"""

import json
import os
import sys

from ecqtui.store import Store

path = sys.argv[1]
read_only = "--read-only" in sys.argv[2:]
with Store.open(path, read_only=read_only) as store:
    os.write(1, (json.dumps({"pid": os.getpid()}) + "\n").encode())
    sys.stdin.read()
