#!/bin/bash
# Run migrations, then start the server.
if [[ -n "$DATABASE_URL" ]]; then
  node scripts/migrate.js
fi
node server.js
