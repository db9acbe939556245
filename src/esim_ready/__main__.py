from esim_ready.cli import main

raise SystemExit(main())
