import { describe, expect, it } from 'vitest';
import { debugVariant } from '../../../src/rules/image/no-debug-shell.js';
import { dedent, hits, lint } from '../../helpers.js';

const ID = 'no-debug-shell';

const GO_BUILD = dedent(`
  FROM --platform=$BUILDPLATFORM golang:1.23 AS build
  ARG TARGETOS TARGETARCH
  WORKDIR /src
  COPY . .
  RUN GOOS=$TARGETOS GOARCH=$TARGETARCH CGO_ENABLED=0 go build -o /out/api ./cmd/api
`);

describe('no-debug-shell', () => {
  it('fires on a Go binary FROM scratch, at the final FROM', () => {
    const f = lint(`${GO_BUILD}\nFROM scratch\nCOPY --from=build /out/api /api\nUSER 65532\nENTRYPOINT ["/api"]\n`);
    const h = hits(f, ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'info', file: 'Dockerfile', line: 7 });
    expect(h[0]!.fix).toContain('kubectl debug');
  });

  it('fires on distroless and names the :debug variant', () => {
    const f = lint(`${GO_BUILD}\nFROM gcr.io/distroless/static-debian12:nonroot AS runtime\nCOPY --from=build /out/api /api\nENTRYPOINT ["/api"]\n`);
    const h = hits(f, ID);
    expect(h.map((x) => x.line)).toEqual([7]);
    expect(h[0]!.fix).toContain('gcr.io/distroless/static-debian12:debug-nonroot');
  });

  it('follows the final stage back through FROM <stage>', () => {
    const f = lint('FROM gcr.io/distroless/base-debian12 AS base\nENV TZ=UTC\nFROM base\nCOPY api /api\nENTRYPOINT ["/api"]\n', { api: 'x' });
    expect(hits(f, ID).map((x) => x.line)).toEqual([1]);
  });

  it('does not fire on :debug variants, images with a shell, build stages, or when a shell is copied in', () => {
    expect(hits(lint('FROM gcr.io/distroless/base-debian12:debug\nCOPY api /api\nENTRYPOINT ["/api"]\n', { api: 'x' }), ID)).toEqual([]);
    expect(hits(lint('FROM gcr.io/distroless/static:debug-nonroot\nENTRYPOINT ["/api"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM alpine:3.20\nENTRYPOINT ["/api"]\n'), ID)).toEqual([]);
    expect(hits(lint('FROM scratch AS artifacts\nCOPY api /api\nFROM debian:bookworm-slim\nCOPY --from=artifacts /api /api\nCMD ["/api"]\n', { api: 'x' }), ID)).toEqual([]);
    expect(hits(lint('FROM gcr.io/distroless/static-debian12\nCOPY --from=busybox:1.36-musl /bin/busybox /busybox/busybox\nENTRYPOINT ["/api"]\n'), ID)).toEqual([]);
  });

  it('names the debug tag', () => {
    expect(debugVariant('gcr.io/distroless/static-debian12')).toBe('gcr.io/distroless/static-debian12:debug');
    expect(debugVariant('gcr.io/distroless/java21-debian12:nonroot')).toBe('gcr.io/distroless/java21-debian12:debug-nonroot');
    expect(debugVariant('localhost:5000/distroless/static:latest')).toBe('localhost:5000/distroless/static:debug');
  });
});
