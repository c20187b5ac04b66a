/**
 * Browser mode: the same renderer and the same handlers over HTTP, on 127.0.0.1 only.
 *   npm run web -- --port 4700        (MODELWISE_DATA_DIR honoured; no browser is opened when CI is set)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { defaultDataDir } from '../../electron/db/paths.ts';
import { openCatalogStore, STALE_AFTER_DAYS } from '../../electron/db/store.ts';
import type { CatalogStore } from '../../electron/db/store-types.ts';
import { createHandlers, dispatch } from '../../electron/ipc/handlers.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { parseArgs, intFlag } from '../cli/args.ts';
import { UsageError } from '../cli/errors.ts';
import { packageVersion } from '../package-version.ts';

const HOST = '127.0.0.1';
const MB = 1024 * 1024;
/** The contract's largest input (a 64M-character import) with room for its JSON encoding. */
const MAX_BODY_MB = 70;
const RENDERER_DIR = resolve('dist/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServer {
  url: string;
  port: number;
  store: CatalogStore;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (port 0 picks a free one). */
export async function startWebServer(options: {
  port: number;
  dataDir: string;
  rendererDir?: string;
}): Promise<WebServer> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UsageError(
      `no built renderer in ${rendererDir}; run \`npm run build:renderer\` first`,
    );
  }
  const store = openCatalogStore({ dataDir: options.dataDir, staleAfterDays: STALE_AFTER_DAYS });
  const handlers = createHandlers({
    store,
    info: { version: packageVersion(), mode: 'browser', dataDir: store.path },
    staleAfterDays: STALE_AFTER_DAYS,
  });
  const server = createServer((req, res) => {
    handle(req, res, handlers, rendererDir, server).catch((error: unknown) => {
      send(res, 500, 'application/json', JSON.stringify({ ok: false, error: String(error) }));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, HOST, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    store,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          ok();
        });
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: ReturnType<typeof createHandlers>,
  rendererDir: string,
  server: Server,
): Promise<void> {
  // Only this machine's loopback name for this port: a page elsewhere cannot rebind DNS to us.
  const port = (server.address() as { port: number }).port;
  const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? ''))
    return send(res, 403, 'text/plain', 'forbidden host');
  const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return send(
        res,
        403,
        'application/json',
        JSON.stringify({ ok: false, error: 'cross-origin request refused' }),
      );
    }
    const body = await readBody(req);
    if (body === null) {
      return send(
        res,
        413,
        'application/json',
        JSON.stringify({ ok: false, error: `request body larger than ${MAX_BODY_MB} MB` }),
      );
    }
    const channel = decodePath(url.pathname.slice('/api/'.length));
    if (channel === null) {
      return send(
        res,
        400,
        'application/json',
        JSON.stringify({ ok: false, error: `malformed percent-encoding in ${url.pathname}` }),
      );
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body) as unknown;
      } catch {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: 'request body is not JSON' }),
        );
      }
    }
    const reply = await dispatch(handlers, channel, input);
    return send(res, 200, 'application/json', JSON.stringify(reply));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain', 'method not allowed');
  return serveFile(res, rendererDir, url.pathname);
}

function serveFile(res: ServerResponse, root: string, pathname: string): void {
  const decoded = decodePath(pathname);
  if (decoded === null)
    return send(res, 400, 'text/plain', `malformed percent-encoding in ${pathname}`);
  const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  // Paths that climb out of the renderer folder ("/../…") are refused, not served.
  if (!file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'forbidden');
  // A folder (GET /assets) is not a page: reading it would throw EISDIR and answer 500.
  if (!existsSync(file) || !statSync(file).isFile())
    return send(res, 404, 'text/plain', 'not found');
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

/** A URL path decoded, or null when its percent-encoding is malformed. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The request body as text, or null when it is over the limit. An oversized body is read to its
 * end and dropped, so the client gets the 413 reply rather than a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_MB * MB) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      ok(size > MAX_BODY_MB * MB ? null : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', fail);
  });
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`open ${url} in your browser`));
  child.unref();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['port', 'no-open'], ['no-open']);
  if (args.positionals.length > 0) {
    throw new UsageError(`unexpected argument '${args.positionals[0]}' (did you mean --port?)`);
  }
  const port = intFlag(args, 'port', 0) ?? 4700;
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const dataDir = defaultDataDir();
  const server = await startWebServer({ port, dataDir });
  if (server.store.recoveryNotice) console.warn(server.store.recoveryNotice);
  console.log(`Modelwise is serving ${server.url} (data: ${server.store.path})`);
  if (!process.env.CI && !args.flags.has('no-open')) openBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve('scripts/web/server.ts')
) {
  main().catch((error: unknown) => {
    console.error(`modelwise web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
