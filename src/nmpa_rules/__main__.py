import os
import sys

from .cli import main, use_safe_output

use_safe_output()
try:
    status = main()
    sys.stdout.flush()
except BrokenPipeError:
    # The reader closed the pipe (`... | head`): stop quietly, as other command-line tools do.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    status = 0
sys.exit(status)
