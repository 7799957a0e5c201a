// What the shells do with the last command of `sh -c`, as measured with dash 0.5.12, bash 5.2
// and BusyBox ash (the process left as the `sh -c` PID after 0.4 s).
import { describe, expect, it } from 'vitest';
import { asExecForm, execsLastExplicitly, execsLastImplicitly, lastCommand, trapsTerm } from '../../src/shell/command-string.js';

describe('start-command shell text', () => {
  it('dash never execs on its own; ash execs a plain last command; bash (5.2) a last simple command without redirections', () => {
    for (const s of ['sleep 3', 'true; sleep 3', 'true && sleep 3', 'sleep 3 >/dev/null']) expect(execsLastImplicitly(s, 'dash')).toBe(false);
    for (const s of ['sleep 3', 'true; sleep 3', 'true && sleep 3', 'sleep 3 >/dev/null']) expect(execsLastImplicitly(s, 'ash')).toBe(true);
    // Measured with bash 5.2.15, also when started as `sh`: `bash -c 'true; sleep 2'` leaves `sleep 2` as the PID.
    for (const s of ['sleep 3', 'true; sleep 3', 'true && sleep 3']) expect(execsLastImplicitly(s, 'bash')).toBe(true);
    for (const s of ['sleep 3 >/dev/null', 'true && sleep 3 >/dev/null']) expect(execsLastImplicitly(s, 'bash')).toBe(false);
    for (const s of ["trap 'echo' TERM; sleep 3", 'sleep 3 | cat', 'sleep 3 &']) {
      expect(execsLastImplicitly(s, 'ash')).toBe(false);
    }
  });

  it('BusyBox ash execs the last command of the branch an if/case takes, of a group and of a subshell (measured, BusyBox 1.35; dash 0.5.12 and bash 5.2 fork it)', () => {
    // ChatGPTNextWeb/NextChat's CMD: both branches end in a simple command, after redirections and `$(…)` steps.
    const nextChat = 'if [ -n "$PROXY_URL" ]; then export HOSTNAME="0.0.0.0"; host=$(echo $PROXY_URL | cut -d/ -f3); echo "x" >> $conf; proxychains -f $conf node server.js; else node server.js; fi';
    for (const s of [nextChat, 'if true; then sleep 3; fi', 'if true; then true && sleep 3 > /dev/null; fi', 'case "$X" in 1) echo hi; sleep 3;; *) sleep 4;; esac', '{ echo a; sleep 3; }', '(sleep 3)', 'if true; then if [ 1 ]; then sleep 3; fi; fi']) {
      expect(execsLastImplicitly(s, 'ash')).toBe(true);
      expect(execsLastImplicitly(s, 'dash')).toBe(false);
    }
    expect(execsLastImplicitly(nextChat, 'bash')).toBe(false);
    // Measured: the shell stays with a pipeline, a redirected compound, a trap, a loop, a command after the compound, or `&` in a branch.
    for (const s of ['if true; then sleep 3 | cat; fi', 'if true; then sleep 3; fi > /dev/null', 'trap "echo x" TERM; if true; then sleep 3; fi', 'for i in 1; do sleep 3; done', 'if true; then sleep 3; else sleep 4 & fi', 'case "$X" in 1) sleep 3 | cat;; *) sleep 4;; esac']) {
      expect(execsLastImplicitly(s, 'ash')).toBe(false);
    }
  });

  it('recognises an explicit exec of the last command only in the foreground', () => {
    expect(execsLastExplicitly('exec gunicorn app:app')).toBe(true);
    expect(execsLastExplicitly('set -e\npython manage.py migrate\nexec gunicorn app:app')).toBe(true);
    expect(execsLastExplicitly('exec gunicorn app:app; echo done')).toBe(false);
    expect(execsLastExplicitly('exec >/var/log/app.log')).toBe(false);
    expect(execsLastExplicitly('echo x | exec cat')).toBe(false);
    expect(execsLastExplicitly("echo 'a; exec b'")).toBe(false);
    expect(execsLastExplicitly('[ "$MODE" = worker ] && exec /app/worker || exec /app/web')).toBe(true);
    expect(execsLastExplicitly('/app/migrate || exec /app/web')).toBe(false);
  });

  it('reads words with quotes removed and "$@" as $@', () => {
    expect(lastCommand('A=1 exec gosu app "$@"')?.words).toEqual(['exec', 'gosu', 'app', '$@']);
    expect(lastCommand(`echo 'x && y' "z"`)?.count).toBe(1);
    expect(trapsTerm(`trap 'kill -TERM "$child"' SIGTERM`)).toBe(true);
    expect(trapsTerm(`trap cleanup EXIT`)).toBe(false);
  });

  it('turns only plain single commands into exec form', () => {
    expect(asExecForm('exec node server.js --port 3000')).toEqual(['node', 'server.js', '--port', '3000']);
    expect(asExecForm(`gunicorn -b 0.0.0.0:8000 'app:create_app()'`)).toEqual(['gunicorn', '-b', '0.0.0.0:8000', 'app:create_app()']);
    for (const s of ['node server.js --port $PORT', 'a && b', 'node *.js', 'NODE_ENV=production node x', 'app > log', 'app &']) {
      expect(asExecForm(s)).toBeUndefined();
    }
  });
});
