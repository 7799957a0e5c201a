#!/bin/sh
set -e
if [ -n "${DATABASE_URL:-}" ]; then
  node scripts/migrate.js
fi
exec "$@"
