"""A fork server for the kill -9 loop: imports the store once, then forks one writer per
iteration so every iteration starts in milliseconds.

Usage: python kill_writer.py DB   (the repository must be on PYTHONPATH)

Commands on stdin, one per line; all output goes to stdout as whole lines via os.write:
  spawn BASE   fork a writer; prints "pid PID". The writer opens DB, then saves story
               "s1" over and over with action = str(BASE + 1), str(BASE + 2), ... and
               prints "ack N" after each save has returned.
  reap PID     wait for that writer to end; prints "reaped PID STATUS".
  quit         exit.
"""

import os
import sys

from ecqtui.core.models import Story
from ecqtui.store import Store


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def writer(db: str, base: int) -> None:
    try:
        with Store.open(db) as store:
            story = store.get(Story, "s1")
            n = base
            while True:
                n += 1
                story.action = str(n)
                story = store.save(story)
                say(f"ack {n}")
    except BaseException as exc:  # noqa: BLE001 - report anything, the parent fails the test
        say(f"error {type(exc).__name__}: {exc}")
    finally:
        os._exit(3)


def main() -> None:
    db = sys.argv[1]
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "spawn":
            pid = os.fork()
            if pid == 0:
                writer(db, int(args[0]))
            say(f"pid {pid}")
        elif cmd == "reap":
            pid = int(args[0])
            _, status = os.waitpid(pid, 0)
            say(f"reaped {pid} {status}")
        elif cmd == "quit":
            return


if __name__ == "__main__":
    main()
