#!/bin/sh
# Polls a queue forever; finishes the current job on SIGTERM.
trap 'echo "draining"; exit 0' TERM
echo "worker started"
while true; do
  sleep 1
done
