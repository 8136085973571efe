/**
 * A local stand-in for the GitHub REST API on 127.0.0.1, for the real @actions/github Octokit
 * (pointed at it with GITHUB_API_URL / baseUrl). It records every request and keeps check runs
 * and issue comments in memory, so a second run sees what the first one left. Permissions can be
 * withdrawn per endpoint family to answer 403 as GitHub does for a read-only GITHUB_TOKEN.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface FakeGitHubApi {
  url: string;
  requests: RecordedRequest[];
  comments: Map<number, StoredComment[]>;
  checkRuns: Map<number, { name: string; head_sha: string; status: string; conclusion?: string; annotations: unknown[]; output?: unknown }>;
  /** Endpoint families answering 403 "Resource not accessible by integration". */
  deny: Set<'checks' | 'comments'>;
  /** Answer every request with this status (a GitHub outage). */
  failWith?: number;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startFakeGitHubApi(): Promise<FakeGitHubApi> {
  let nextId = 1000;
  let baseUrl = '';
  const api: Omit<FakeGitHubApi, 'url' | 'close'> = {
    requests: [],
    comments: new Map(),
    checkRuns: new Map(),
    deny: new Set(),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      api.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      });
      if (api.failWith) return send(res, api.failWith, { message: 'Server Error', documentation_url: DOCS });
      const forbidden = (accepted: string) =>
        send(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }, { 'x-accepted-github-permissions': accepted });
      let m: RegExpExecArray | null;
      if ((m = /^\/repos\/[^/]+\/[^/]+\/check-runs$/.exec(url.pathname)) && req.method === 'POST') {
        if (api.deny.has('checks')) return forbidden('checks=write');
        const b = body as { name: string; head_sha: string; status: string; output?: { annotations?: unknown[] } };
        const id = nextId++;
        api.checkRuns.set(id, { name: b.name, head_sha: b.head_sha, status: b.status, annotations: [...(b.output?.annotations ?? [])], output: b.output });
        return send(res, 201, { id, html_url: `https://github.com/acme/firmware/runs/${id}` });
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
        if (api.deny.has('checks')) return forbidden('checks=write');
        const run = api.checkRuns.get(Number(m[1]));
        if (!run) return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
        const b = body as { status?: string; conclusion?: string; output?: { annotations?: unknown[] } };
        if (b.status) run.status = b.status;
        if (b.conclusion) run.conclusion = b.conclusion;
        run.annotations.push(...(b.output?.annotations ?? []));
        run.output = b.output;
        return send(res, 200, { id: Number(m[1]) });
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
        const issue = Number(m[1]);
        const list = api.comments.get(issue) ?? [];
        if (req.method === 'GET') {
          const perPage = Number(url.searchParams.get('per_page') ?? 30);
          const page = Number(url.searchParams.get('page') ?? 1);
          const slice = list.slice((page - 1) * perPage, page * perPage);
          const headers: Record<string, string> = {};
          if (page * perPage < list.length) {
            const next = new URL(`${baseUrl}${url.pathname}${url.search}`);
            next.searchParams.set('page', String(page + 1));
            headers.link = `<${next.href}>; rel="next"`;
          }
          return send(res, 200, slice, headers);
        }
        if (req.method === 'POST') {
          if (api.deny.has('comments')) return forbidden('issues=write; pull_requests=write');
          const c = { id: nextId++, body: (body as { body: string }).body, user: { login: 'github-actions[bot]' } };
          list.push(c);
          api.comments.set(issue, list);
          return send(res, 201, c);
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
        if (api.deny.has('comments')) return forbidden('issues=write; pull_requests=write');
        for (const list of api.comments.values()) {
          const c = list.find((x) => x.id === Number(m![1]));
          if (c) {
            c.body = (body as { body: string }).body;
            return send(res, 200, c);
          }
        }
        return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
      }
      send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    })().catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(api, {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Comments by someone else, to push the marked one onto a later page. */
export function seedComments(api: FakeGitHubApi, issue: number, n: number): void {
  const list = api.comments.get(issue) ?? [];
  for (let i = 0; i < n; i++) list.push({ id: 1 + i, body: `LGTM ${i}`, user: { login: 'reviewer' } });
  api.comments.set(issue, list);
}

/** A pull_request event payload as GitHub writes it to GITHUB_EVENT_PATH (the fields we read and their neighbours). */
export function pullRequestEvent(options: { number?: number; headSha?: string; fork?: boolean } = {}): Record<string, unknown> {
  const number = options.number ?? 7;
  const headRepo = options.fork ? 'contributor/firmware' : 'acme/firmware';
  return {
    action: 'synchronize',
    number,
    pull_request: {
      url: `https://api.github.com/repos/acme/firmware/pulls/${number}`,
      id: 2_131_415_161,
      number,
      state: 'open',
      title: 'ctl: add QRD value-add apps',
      user: { login: options.fork ? 'contributor' : 'dev', type: 'User' },
      head: {
        label: `${options.fork ? 'contributor' : 'acme'}:qrd-apps`,
        ref: 'qrd-apps',
        sha: options.headSha ?? '4f9c2b8e1d7a6c5b4a39281706f5e4d3c2b1a098',
        repo: { id: options.fork ? 99 : 42, name: 'firmware', full_name: headRepo, fork: options.fork === true },
      },
      base: {
        label: 'acme:main',
        ref: 'main',
        sha: '0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4',
        repo: { id: 42, name: 'firmware', full_name: 'acme/firmware', fork: false },
      },
    },
    repository: { id: 42, name: 'firmware', full_name: 'acme/firmware', owner: { login: 'acme' } },
    sender: { login: options.fork ? 'contributor' : 'dev' },
  };
}
