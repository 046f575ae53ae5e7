from cpolint.cli import run

run()
