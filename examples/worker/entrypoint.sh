#!/bin/sh
set -e
echo "preparing worker"
# Bug: runs the worker as a child; the shell stays PID 1 and SIGTERM never reaches it.
"$@"
