// Precision (no noise on a good Dockerfile): official-image-style wrappers on their own bases get no error or
// warning from any rule (ShellCheck included, when installed); info is allowed.
import { describe, expect, it } from 'vitest';
import { DJANGO, MYSQL_STYLE, NGINX_STYLE, NODE_STYLE, POSTGRES_STYLE, REDIS_STYLE } from '../../shell/scripts.js';
import { lintEntrypoint } from './entry.js';

describe('wrapper analysis precision on well-kept images', () => {
  it.each([
    ['postgres', 'postgres:17-bookworm', POSTGRES_STYLE, ['postgres']],
    ['postgres (alpine, bash installed by the image)', 'postgres:17-alpine', POSTGRES_STYLE, ['postgres']],
    ['mysql', 'mysql:8.4', MYSQL_STYLE, ['mysqld']],
    ['redis', 'redis:7.4-bookworm', REDIS_STYLE, ['redis-server']],
    ['redis (alpine)', 'redis:7.4-alpine', REDIS_STYLE, ['redis-server']],
    ['node', 'node:22-bookworm-slim', NODE_STYLE, ['node']],
    ['node (alpine)', 'node:22-alpine3.20', NODE_STYLE, ['node']],
    ['nginx', 'nginx:1.27', NGINX_STYLE, ['nginx', '-g', 'daemon off;']],
    ['nginx (alpine)', 'nginx:1.27-alpine', NGINX_STYLE, ['nginx', '-g', 'daemon off;']],
    ['django', 'python:3.12-slim', DJANGO, ['gunicorn']],
  ])('%s: no error or warning', (_name, base, script, cmd) => {
    const loud = lintEntrypoint(base, script, cmd).filter((f) => f.severity !== 'info');
    expect(loud).toEqual([]);
  });
});
