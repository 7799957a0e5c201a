// A local HTTP server that answers like api.github.com for the routes the Action uses
// (check runs, pull request files, review comments, reviews), records every request, and can
// be told to answer an error for a route. The Action reaches it through GITHUB_API_URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  body: any;
  authorization: string | undefined;
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  message: string;
  times: number;
  headers: Record<string, string>;
}

export interface ReviewComment {
  id: number;
  path: string;
  line: number;
  /** First line of a multi-line comment. */
  start_line?: number;
  side: string;
  body: string;
  pull_request_review_id: number;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Files of every pull request (the same list for any number). */
  files: PullFile[] = [];
  /** Review comments on the PR, as GitHub keeps them: a posted review adds its comments. */
  comments: ReviewComment[] = [];
  /** Items per page the server returns at most (GitHub: per_page up to 100). */
  pageCap = 100;
  /** Check runs as GitHub keeps them (listed per commit). */
  checkRuns: { id: number; name: string; head_sha: string; external_id: string | null }[] = [];
  /** The next N check-run creates make the run, then answer 502 (GitHub failed after acting). */
  createThenFail = 0;
  private hangs: { method: string; path: RegExp }[] = [];
  private failures: Failure[] = [];
  private server: http.Server | undefined;
  private nextId = 1000;
  url = '';

  /**
   * Answer `status` with GitHub's error shape for matching requests (`times` times; default
   * always), with `headers` (GitHub's `retry-after` on a secondary rate limit).
   */
  fail(method: string, path: RegExp, status: number, message: string, times = Infinity, headers: Record<string, string> = {}): void {
    this.failures.push({ method, path, status, message, times, headers });
  }

  clearFailures(): void {
    this.failures = [];
    this.hangs = [];
  }

  /** Matching requests are read and never answered (a stand-in that hangs). */
  hang(method: string, path: RegExp): void {
    this.hangs.push({ method, path });
  }

  /** Requests other than reads, in order: what the Action changed on GitHub. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(body));
  }

  private page<T>(res: http.ServerResponse, url: URL, items: T[]): void {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageCap);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      next.host = `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    this.send(res, 200, slice, headers);
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization });

    if (this.hangs.some((h) => h.method === method && h.path.test(url.pathname))) return;
    const failure = this.failures.find((f) => f.method === method && f.path.test(url.pathname) && f.times > 0);
    if (failure) {
      failure.times--;
      this.send(res, failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' }, failure.headers);
      return;
    }

    let m: RegExpExecArray | null;
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(url.pathname)) {
      const id = this.nextId++;
      this.checkRuns.push({ id, name: body?.name, head_sha: body?.head_sha, external_id: body?.external_id ?? null });
      if (this.createThenFail > 0) {
        this.createThenFail--;
        this.send(res, 502, { message: 'Server Error' });
        return;
      }
      this.send(res, 201, { id, name: body?.name, head_sha: body?.head_sha, external_id: body?.external_id ?? null, status: body?.status ?? 'queued', conclusion: body?.conclusion ?? null });
    } else if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/.exec(url.pathname))) {
      const sha = m[1];
      const runs = this.checkRuns.filter((r) => r.head_sha === sha && (!url.searchParams.get('check_name') || r.name === url.searchParams.get('check_name')));
      this.send(res, 200, { total_count: runs.length, check_runs: runs });
    } else if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(url.pathname))) {
      this.send(res, 200, { id: Number(m[1]), status: body?.status ?? 'in_progress', conclusion: body?.conclusion ?? null });
    } else if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(url.pathname)) {
      this.page(res, url, this.files.map((f, i) => ({ sha: `sha${i}`, additions: 1, deletions: 0, changes: 1, ...f })));
    } else if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/comments$/.test(url.pathname)) {
      this.page(res, url, this.comments);
    } else if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/.test(url.pathname)) {
      const reviewId = this.nextId++;
      // Like GitHub: a comment on a line outside the diff rejects the whole review.
      // A multi-line comment (start_line) needs every line from start_line to line in the diff.
      const inDiff = (c: { path: string; line: number; start_line?: number }) => {
        const file = this.files.find((f) => f.filename === c.path);
        if (file?.patch === undefined) return false;
        const lines = rightLines(file.patch);
        if (c.start_line !== undefined && c.start_line >= c.line) return false;
        for (let l = c.start_line ?? c.line; l <= c.line; l++) if (!lines.has(l)) return false;
        return true;
      };
      const comments = (body?.comments ?? []) as { path: string; line: number; start_line?: number; side: string; body: string }[];
      if (!comments.every(inDiff)) {
        this.send(res, 422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
        return;
      }
      for (const c of comments) this.comments.push({ id: this.nextId++, path: c.path, line: c.line, ...(c.start_line !== undefined ? { start_line: c.start_line } : {}), side: c.side, body: c.body, pull_request_review_id: reviewId });
      this.send(res, 200, { id: reviewId, state: body?.event === 'COMMENT' ? 'COMMENTED' : 'PENDING', commit_id: body?.commit_id });
    } else {
      this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
  }
}

/** The server's own reading of a patch (independent of the Action's parser): RIGHT lines in hunks. */
export function rightLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  let remaining = 0;
  for (const l of patch.split('\n')) {
    const h = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(l);
    if (h) {
      line = Number(h[1]);
      remaining = h[2] === undefined ? 1 : Number(h[2]);
      continue;
    }
    if (remaining === 0) continue;
    if (l.startsWith('+') || l.startsWith(' ')) {
      out.add(line++);
      remaining--;
    }
  }
  return out;
}

/** A unified-diff patch that adds every line of a new file (as GitHub shows an added file). */
export function addedFilePatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}
