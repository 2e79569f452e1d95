"""Sub-commands of ``ecq-tui``: one module each, imported only to build the parser.

A command module defines ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``. Its top-level imports must stay light (standard library and
``ecqtui.core`` only): anything heavy, above all Textual, is imported inside ``run``.
"""

#: command name -> module path, in the order ``--help`` lists them.
COMMANDS: dict[str, str] = {
    "export": "ecqtui.commands.export",
    "import": "ecqtui.commands.import_",
    "doctor": "ecqtui.commands.doctor",
    "suggest": "ecqtui.commands.suggest",
    "check": "ecqtui.commands.check",
    "outline": "ecqtui.commands.outline",
    "plain": "ecqtui.commands.plain",
}
