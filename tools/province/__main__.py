import sys

from tools.province.generate import main

sys.exit(main())
