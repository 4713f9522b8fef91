import sys

from stageshow.cli import main

sys.exit(main())
