// unexpanded-variable when the start script reads the literal `$VAR` text itself (it
// substitutes it in its arguments): deliberate, info. Everything else stays a warning.
import { describe, expect, it } from 'vitest';
import { literalReads } from '../../../src/shell/literal-reads.js';
import { dedent, hits, lint } from '../../helpers.js';

const ID = 'unexpanded-variable';

// nginx-proxy/nginx-proxy Dockerfile.dockergen (the start instructions, verbatim).
const DOCKERGEN = dedent(`
  FROM docker.io/nginxproxy/docker-gen:0.17.2
  ENV DOCKER_HOST=unix:///tmp/docker.sock \\
      NGINX_CONTAINER_LABEL=com.github.nginx-proxy.nginx-proxy.nginx
  RUN apk add --no-cache --virtual .run-deps bash
  COPY app nginx.tmpl LICENSE /app/
  WORKDIR /app/
  ENTRYPOINT ["/app/docker-entrypoint.sh"]
  CMD ["docker-gen", "-watch", "-wait", "100ms:500ms", "-notify-filter", "label=$NGINX_CONTAINER_LABEL", "/app/nginx.tmpl", "/etc/nginx/conf.d/default.conf"]
`);

// nginx-proxy/nginx-proxy app/docker-entrypoint.sh, lines 110-135 verbatim, at their own line numbers
// (the substitution is at 127-130).
const ENTRYPOINT = `#!/bin/bash
set -e
${'\n'.repeat(106)}
# Run the init logic if the default CMD was provided
if [[ $* == 'forego start -r' ]] || [[ $* =~ 'docker-gen -watch' ]]; then
	_print_version
	
	_check_unix_socket

	_resolvers

	_setup_dhparam

	if [ -z "\${TRUST_DOWNSTREAM_PROXY}" ]; then
		cat >&2 <<-EOT
			Warning: TRUST_DOWNSTREAM_PROXY is not set; defaulting to "true". For security, you should explicitly set TRUST_DOWNSTREAM_PROXY to "false" if there is not a trusted reverse proxy in front of this proxy.
			Warning: The default value of TRUST_DOWNSTREAM_PROXY might change to "false" in a future version of nginx-proxy. If you require TRUST_DOWNSTREAM_PROXY to be enabled, explicitly set it to "true".
		EOT
	fi

	# Replace $NGINX_CONTAINER_LABEL in the command line arguments with the actual value of the environment variable
	for ((i=1; i<=$#; i++)); do
		if [[ \${!i} =~ "\\$NGINX_CONTAINER_LABEL" && -n "$NGINX_CONTAINER_LABEL" ]]; then
			set -- "\${@:1:i-1}" "\${!i/\\$NGINX_CONTAINER_LABEL/\${NGINX_CONTAINER_LABEL}}" "\${@:i+1}"
		fi
	done
fi

exec "$@"
`;

function run(dockerfile: string, script: string) {
  return hits(lint(dockerfile, { 'app/docker-entrypoint.sh': { content: script, mode: 0o755 }, 'app/nginx.tmpl': '', LICENSE: '' }), ID);
}

describe('unexpanded-variable: the start script substitutes the literal text', () => {
  it('nginx-proxy/nginx-proxy Dockerfile.dockergen: docker-entrypoint.sh replaces $NGINX_CONTAINER_LABEL (info, pointing at the line)', () => {
    const h = run(DOCKERGEN, ENTRYPOINT);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'info', line: 8 });
    expect(h[0]!.message).toContain('app/docker-entrypoint.sh replaces itself (line 130)');
  });

  it('nginx-proxy/nginx-proxy: the same entrypoint without the substitution loop stays a warning', () => {
    const plain = ENTRYPOINT.replace(/\t# Replace[\s\S]*?\tdone\n/, '');
    expect(plain).not.toContain('set --');
    expect(run(DOCKERGEN, plain).map((x) => x.severity)).toEqual(['warning']);
  });

  it('only testing for the literal text (no substitution), or printing it, is not reading it', () => {
    const script = '#!/bin/bash\nif [[ "$*" =~ "\\$NGINX_CONTAINER_LABEL" ]]; then echo "pass \\$NGINX_CONTAINER_LABEL to have it replaced" >&2; fi\nexec "$@"\n';
    expect(run(DOCKERGEN, script).map((x) => x.severity)).toEqual(['warning']);
  });

  it('a sed of the same name in a config file (not in the arguments) is not reading them', () => {
    const script = '#!/bin/sh\nsed -i "s/\\$NGINX_CONTAINER_LABEL/$NGINX_CONTAINER_LABEL/" /app/nginx.tmpl\nexec "$@"\n';
    expect(run(DOCKERGEN, script).map((x) => x.severity)).toEqual(['warning']);
  });

  it('a script that substitutes another name does not excuse this one', () => {
    const script = '#!/bin/sh\nset -- $(echo "$@" | sed "s/\\$OTHER_LABEL/$OTHER_LABEL/g")\nexec "$@"\n';
    expect(run(DOCKERGEN, script).map((x) => x.severity)).toEqual(['warning']);
  });

  it.each([
    ['sed over the arguments', '#!/bin/sh\nset -- $(echo "$@" | sed "s/\\$NGINX_CONTAINER_LABEL/$NGINX_CONTAINER_LABEL/g")\nexec "$@"\n'],
    ['a single-quoted sed script', '#!/bin/sh\nset -- $(echo "$@" | sed \'s/${NGINX_CONTAINER_LABEL}/\'"$NGINX_CONTAINER_LABEL"\'/g\')\nexec "$@"\n'],
    ['a loop variable over the arguments', '#!/bin/bash\nargs=()\nfor a in "$@"; do\n  args+=("${a/\\$NGINX_CONTAINER_LABEL/$NGINX_CONTAINER_LABEL}")\ndone\nexec "${args[@]}"\n'],
    ['a variable assigned from the arguments', '#!/bin/bash\nARGS="$*"\nARGS=${ARGS//\'$NGINX_CONTAINER_LABEL\'/$NGINX_CONTAINER_LABEL}\nexec $ARGS\n'],
    ['eval over the arguments', '#!/bin/sh\neval "exec $*"\n'],
    ['envsubst over the arguments', '#!/bin/sh\nset -- $(printf \'%s\\n\' "$@" | envsubst)\nexec "$@"\n'],
  ])('%s: info', (_name, script) => {
    expect(run(DOCKERGEN, script).map((x) => x.severity)).toEqual(['info']);
  });

  it('the literal text in the ENTRYPOINT before the script (the script never sees it) stays a warning', () => {
    const df = DOCKERGEN.replace('ENTRYPOINT ["/app/docker-entrypoint.sh"]', 'ENTRYPOINT ["/usr/bin/env", "LABEL=$NGINX_CONTAINER_LABEL", "/app/docker-entrypoint.sh"]').replace(/^CMD .*$/m, 'CMD ["docker-gen"]');
    expect(run(df, ENTRYPOINT).map((x) => x.severity)).toEqual(['warning']);
  });

  it('HEALTHCHECK arguments never reach the start script', () => {
    const df = `${DOCKERGEN}HEALTHCHECK CMD ["docker-gen", "-notify-filter", "label=$NGINX_CONTAINER_LABEL"]\n`;
    expect(run(df, ENTRYPOINT).map((x) => [x.line, x.severity])).toEqual([
      [8, 'info'],
      [9, 'warning'],
    ]);
  });
});

describe('literalReads', () => {
  it('finds escaped and single-quoted names in patterns and rewriters, with the offset of the word', () => {
    const script = 'x="${1/\\$A/$A}"\ny=$(echo "$x" | sed \'s/${B}/b/\')\necho "\\$C"\n';
    const r = literalReads(script);
    expect([...r.names.keys()]).toEqual(['A', 'B']);
    expect(r.names.get('A')).toBe(3);
    expect(r.expandsArgs).toBeUndefined();
  });

  it('eval of something other than the arguments expands nothing of theirs', () => {
    expect(literalReads('#!/bin/sh\neval "$(ssh-agent -s)"\nexec "$@"\n').expandsArgs).toBeUndefined();
    expect(literalReads('#!/bin/sh\neval exec "$@"\n').expandsArgs).toBe(10);
  });
});
