from cpolint.cli import main

raise SystemExit(main())
