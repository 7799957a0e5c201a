import { describe, expect, it } from 'vitest';
import { dedent, hits, lint } from '../../helpers.js';

const ID = 'platform-pinned-from';

describe('platform-pinned-from', () => {
  it('fires on a constant --platform on the final stage', () => {
    const f = lint(
      dedent(`
        FROM --platform=linux/amd64 node:22-bookworm-slim
        WORKDIR /app
        COPY . .
        CMD ["node", "server.js"]
      `),
    );
    const h = hits(f, ID);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ severity: 'warning', line: 1, file: 'Dockerfile' });
    expect(h[0]!.message).toContain('linux/amd64');
  });

  it('fires on a stage the final image is built FROM', () => {
    const f = lint(
      dedent(`
        FROM --platform=linux/arm64 python:3.12-slim AS base
        RUN pip install --no-cache-dir gunicorn
        FROM base AS prod
        COPY . /app
        CMD ["gunicorn", "app.wsgi"]
      `),
    );
    expect(hits(f, ID).map((x) => x.line)).toEqual([1]);
    expect(hits(f, ID)[0]!.message).toContain('stage base');
  });

  it('does not fire for $BUILDPLATFORM/$TARGETPLATFORM or for build stages that only hand over files', () => {
    const f = lint(
      dedent(`
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        ARG TARGETOS TARGETARCH
        RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/api ./cmd/api
        FROM --platform=linux/amd64 node:22 AS assets
        RUN npm ci && npm run build
        FROM --platform=\${TARGETPLATFORM} gcr.io/distroless/static-debian12
        COPY --from=build /out/api /api
        COPY --from=assets /app/dist /static
        ENTRYPOINT ["/api"]
      `),
    );
    expect(hits(f, ID)).toEqual([]);
  });
});
