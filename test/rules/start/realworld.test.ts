// Start-contract rules on excerpts of real Dockerfiles (the repositories are named): the idioms
// that are safe stay quiet, the near misses still fire.
import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';
import { expectNone, expectOne } from './expect-hits.js';

const exe = (content: string) => ({ content, mode: 0o755 });
const FORWARDING = exe('#!/bin/sh\nset -e\n./cli/access-permissions.sh\nexec "$@"\n');

describe('shell-form-cmd-after-entrypoint on real files', () => {
  const freshRss = (from: string, shell = '') => dedent(`
    FROM ${from}
    ${shell}
    WORKDIR /var/www/FreshRSS
    COPY . /var/www/FreshRSS
    ENTRYPOINT ["./Docker/entrypoint.sh"]
    CMD ([ -z "$CRON_MIN" ] || cron) && \\
    	. /etc/apache2/envvars && \\
    	exec apache2 -D FOREGROUND
  `);

  it('FreshRSS/FreshRSS: a wrapper ending in exec "$@" runs the shell CMD, which execs apache: intended', () => {
    const files = { 'Docker/entrypoint.sh': FORWARDING };
    expectNone(lint(freshRss('debian:trixie-slim'), files), 'shell-form-cmd-after-entrypoint');
    // Dockerfile-Alpine sets `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`: -o takes a value.
    expectNone(lint(freshRss('alpine:3.20', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]'), files), 'shell-form-cmd-after-entrypoint');
  });

  it('near miss: the same CMD after an entrypoint that is a program, not a forwarding wrapper', () => {
    expectOne(lint('FROM debian:trixie-slim\nENTRYPOINT ["/usr/sbin/apache2ctl"]\nCMD . /etc/apache2/envvars && exec apache2 -D FOREGROUND\n'), 'shell-form-cmd-after-entrypoint', 3);
    // …and after a forwarding wrapper, a CMD whose shell stays PID 1 (dash, no exec).
    expectOne(lint('FROM debian:trixie-slim\nWORKDIR /app\nCOPY . /app\nENTRYPOINT ["./Docker/entrypoint.sh"]\nCMD cron && apache2 -D FOREGROUND\n', { 'Docker/entrypoint.sh': FORWARDING }), 'shell-form-cmd-after-entrypoint', 5);
  });
});

describe('entrypoint-resets-cmd on real files', () => {
  it('jenkinsci/docker: ["tini", "--", "/usr/local/bin/jenkins.sh"] gives tini a program that starts Jenkins itself', () => {
    const f = lint('FROM eclipse-temurin:21-jdk\nCOPY jenkins.sh /usr/local/bin/jenkins.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"]\n', {
      'jenkins.sh': exe('#! /bin/bash -e\nif [[ $# -lt 1 ]] || [[ "$1" == "--"* ]]; then\n  exec java -jar /usr/share/jenkins/jenkins.war "$@"\nfi\nexec "$@"\n'),
    });
    expectNone(f, 'entrypoint-resets-cmd');
  });

  it('jessfraz/dockerfiles bcc-tools: a tool image on a plain OS base whose command is given at docker run is info', () => {
    const f = lint('FROM debian:sid-slim\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\n', {
      'entrypoint.sh': exe('#!/bin/bash\nset -e\nset -o pipefail\n\nmount -t debugfs none /sys/kernel/debug/\nexec "$@"\n'),
    });
    expectOne(f, 'entrypoint-resets-cmd', 3, 'info');
  });

  it('near miss: a CMD set in an earlier stage of the same file and reset by the final ENTRYPOINT is a warning', () => {
    const f = lint(dedent(`
      FROM python:3.12-slim AS base
      CMD ["gunicorn", "app.wsgi"]
      FROM base
      COPY entrypoint.sh /entrypoint.sh
      ENTRYPOINT ["/entrypoint.sh"]
    `), { 'entrypoint.sh': exe('#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n') });
    expectOne(f, 'entrypoint-resets-cmd', 5, 'warning');
  });

  it('NginxProxyManager/nginx-proxy-manager: s6-overlay\'s /init without a CMD runs its own services', () => {
    expectNone(lint('FROM nginxproxymanager/nginx-full:certbot-node\nENV S6_BEHAVIOUR_IF_STAGE2_FAILS=1\nENTRYPOINT [ "/init" ]\n'), 'entrypoint-resets-cmd');
  });

  it('near miss: an init given no program on a service base is a warning', () => {
    expectOne(lint('FROM nginx:1.27\nENTRYPOINT ["/usr/bin/tini", "--"]\n'), 'entrypoint-resets-cmd', 2, 'warning');
  });
});

describe('shell wrappers on BusyBox and bash bases', () => {
  it('schickling/dockerfiles mailcatcher: sh -c with one simple command on an Alpine base is info (ash execs it)', () => {
    const f = lint('FROM ruby:2.4-alpine\nEXPOSE 1080\nCMD ["sh", "-c", "mailcatcher --no-quit --foreground --ip=0.0.0.0 --http-path $HTTPPATH"]\n');
    expectOne(f, 'shell-wrapper-in-exec-form', 3, 'info');
  });

  it('near miss: the same on a Debian base stays a warning (dash keeps itself as PID 1)', () => {
    const f = lint('FROM ruby:2.4\nCMD ["sh", "-c", "mailcatcher --no-quit --foreground --ip=0.0.0.0 --http-path $HTTPPATH"]\n');
    expectOne(f, 'shell-wrapper-in-exec-form', 2, 'warning');
  });
});

describe('wrappers are only what the chain executes', () => {
  it('distribution/distribution-library-image: no wrapper rule runs on the YAML config a CMD names', () => {
    const f = lint('FROM alpine:3.21\nCOPY ./config-example.yml /etc/distribution/config.yml\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/etc/distribution/config.yml"]\n', {
      'config-example.yml': 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n',
      'entrypoint.sh': exe('#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\nesac\n\nexec "$@"\n'),
    });
    expect(f.filter((x) => x.file === 'config-example.yml' || x.rule.startsWith('wrapper-')).map((x) => `${x.rule}@${x.file}:${x.line}`)).toEqual([]);
  });

  it('near miss: a CMD word naming a script without a #! line is still analysed (the kernel cannot run it)', () => {
    const f = lint('FROM alpine:3.21\nCOPY entrypoint.sh /entrypoint.sh\nCOPY start /usr/local/bin/start\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["start"]\n', {
      'entrypoint.sh': exe('#!/bin/sh\nset -e\nexec "$@"\n'),
      start: exe('set -e\nexec node server.js\n'),
    });
    expect(hits(f, 'wrapper-missing-shebang').map((x) => x.file)).toEqual(['start']);
  });

  it('0xEDU/ft_transcendence: ["sh", "docker-entrypoint.sh"] is found relative to WORKDIR and its missing exec reported', () => {
    const f = lint('FROM python:3.10-alpine\nWORKDIR /ft_transcendence\nCOPY . /ft_transcendence\nENTRYPOINT [ "sh", "docker-entrypoint.sh" ]\n', {
      'docker-entrypoint.sh': '#!/bin/sh\n\n#Add a little sleep to wait for postgres start\nsleep 15\n\n# Apply database migrations\necho "Apply database migrations"\npython manage.py migrate\n\n# Start server\necho "Starting server"\npython manage.py runserver_plus --cert-file cert.pem --key-file key.pem 0.0.0.0:8000\n',
    });
    expect(hits(f, 'wrapper-missing-exec').map((x) => `${x.file}:${x.line}`)).toEqual(['docker-entrypoint.sh:12']);
  });

  it('package-manager-as-pid1 reads the program behind docker-init like behind tini', () => {
    expectOne(lint('FROM node:22-slim\nENTRYPOINT ["docker-init", "--"]\nCMD ["npm", "start"]\n'), 'package-manager-as-pid1', 3);
  });
});

describe('dev-server-as-start behind a development switch in the wrapper', () => {
  const dockerfile = 'FROM python:3.11-slim\nCOPY entrypoint.sh /entrypoint.sh\nCMD ["/entrypoint.sh"]\n';
  const script = (prod: string) =>
    exe(`#!/usr/bin/env bash\npython manage.py migrate\nif [ "$DEBUG" = "1" ]; then\n    python manage.py runserver 0.0.0.0:8001\nelse\n    ${prod}\nfi\n`);

  it('LibrePhotos/librephotos-docker: runserver only when DEBUG is 1, gunicorn otherwise, is info', () => {
    const found = hits(lint(dockerfile, { 'entrypoint.sh': script('gunicorn --bind 0.0.0.0:8001 --workers ${WEB_CONCURRENCY:-4} librephotos.wsgi:application') }), 'dev-server-as-start');
    expect(found.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['entrypoint.sh:4:info']);
    expect(found[0]!.message).toContain('line 6 starts `gunicorn');
    // The same switch with exec on both paths.
    const execs = hits(lint(dockerfile, { 'entrypoint.sh': exe('#!/bin/sh\nif [ "$DEBUG" = "1" ]; then\n  exec python manage.py runserver 0.0.0.0:8001\nfi\nexec gunicorn app.wsgi\n') }), 'dev-server-as-start');
    expect(execs.map((f) => f.severity)).toEqual(['info']);
  });

  it('near miss: both paths start a development server, still a warning', () => {
    const found = hits(lint(dockerfile, { 'entrypoint.sh': script('gunicorn --reload --bind 0.0.0.0:8001 librephotos.wsgi') }), 'dev-server-as-start');
    expect(found.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['entrypoint.sh:4:warning']);
  });
});

describe('shell-wrapper-in-exec-form under an init', () => {
  // supabase/supavisor: tini -g runs limits.sh, which execs "$@"; Compose's `command: sh -c "…"` replaces the CMD.
  const supavisor = (tini: string) =>
    dedent(`
      FROM debian:bookworm-slim
      COPY limits.sh /app/limits.sh
      ENTRYPOINT ["/usr/bin/tini", ${tini}"--", "/app/limits.sh"]
      CMD ["/app/bin/server"]
    `);
  const files = {
    'limits.sh': exe('#!/bin/bash\nset -euo pipefail\n\nif [ ! -z "$RLIMIT_NOFILE" ]; then\n    ulimit -n "$RLIMIT_NOFILE"\nfi\n\nexec "$@"\n'),
    'docker-compose.yml': 'services:\n  supavisor:\n    build: .\n    command:  sh -c "/app/bin/migrate && /app/bin/server"\n',
  };

  it('supabase/supavisor: tini -s -g signals the process group, but dash dies of it at once and tini exits with it, so /app/bin/server is cut short', () => {
    const found = hits(lint(supavisor('"-s", "-g", '), files), 'shell-wrapper-in-exec-form');
    expect(found.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['docker-compose.yml:4:warning']);
    expect(found[0]!.message).toContain('so when `tini` signals the whole process group the shell dies of SIGTERM at once, `tini` exits with it, and `/app/bin/server` is SIGKILLed with the container before its shutdown can finish');
    // Near miss: the same command with exec before the server.
    const execd = { ...files, 'docker-compose.yml': files['docker-compose.yml'].replace('&& /app/bin/server', '&& exec /app/bin/server') };
    expectNone(lint(supavisor('"-s", "-g", '), execd), 'shell-wrapper-in-exec-form');
  });

  it('near miss: tini without -g signals the shell alone; the message names tini, not a shell as PID 1', () => {
    const found = hits(lint(supavisor('"-s", '), files), 'shell-wrapper-in-exec-form');
    expect(found.map((f) => `${f.file}:${f.line}:${f.severity}`)).toEqual(['docker-compose.yml:4:warning']);
    expect(found[0]!.message).toContain('so `tini` delivers SIGTERM to the shell only, which exits at once, and `/app/bin/server` is SIGKILLed with the container');
    expect(found[0]!.message).not.toContain('PID 1');
  });
});
