import { readSeed } from '../../electron/db/seed-files.ts';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/web/server.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();
let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A raw HTTP request, so headers (Host, Origin) can be whatever a hostile page would send. */
function send(
  s: WebServer,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path,
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', fail);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    },
  );
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', async () => {
    server = await startWebServer({ port: 0, dataDir: tmp() });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with a strict CSP and answers the contract over POST', async () => {
    server = await startWebServer({ port: 0, dataDir: tmp() });
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const stats = await send(server, '/api/catalog:stats', { method: 'POST', body: '{}' });
    expect(JSON.parse(stats.body)).toMatchObject({
      ok: true,
      data: { apiOfferings: readSeed().offerings.length },
    });
  });

  it('answers a folder of the page (GET /assets) with 404, not a 500', async () => {
    server = await startWebServer({ port: 0, dataDir: tmp() });
    for (const path of ['/assets', '/assets/']) {
      const r = await send(server, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toBe('not found');
    }
  });

  it('refuses other hosts, other origins, path climbing and bad bodies', async () => {
    server = await startWebServer({ port: 0, dataDir: tmp() });
    // DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends its own Host header.
    expect(
      (await send(server, '/', { headers: { Host: `evil.example:${server.port}` } })).status,
    ).toBe(403);
    const cross = await send(server, '/api/catalog:stats', {
      method: 'POST',
      body: '{}',
      headers: { Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    // Dot segments are normalized away (404); an encoded slash that climbs is refused (403).
    const dotted = await send(server, '/%2e%2e/package.json');
    expect(dotted.status).toBe(404);
    expect((await send(server, '/..%2fpackage.json')).status).toBe(403);
    expect((await send(server, '/api/catalog:stats')).status).toBe(405);
    const bad = await send(server, '/api/catalog:list', { method: 'POST', body: '{"table": ' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: 'request body is not JSON' });
    const unknown = await send(server, '/api/system:shell', { method: 'POST', body: '{}' });
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: "unknown channel 'system:shell'",
    });
    const invalid = await send(server, '/api/catalog:list', {
      method: 'POST',
      body: '{"table":"gpus","limit":-1}',
    });
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^limit: Too small/),
    });
  });

  it('answers an oversized body with 413 and a malformed path with 400, by message', async () => {
    server = await startWebServer({ port: 0, dataDir: tmp() });
    const huge = await send(server, '/api/catalog:import', {
      method: 'POST',
      body: 'x'.repeat(71 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: 'request body larger than 70 MB' });
    const api = await send(server, '/api/%E0%A4%A', { method: 'POST', body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({
      ok: false,
      error: 'malformed percent-encoding in /api/%E0%A4%A',
    });
    const page = await send(server, '/%E0%A4%A');
    expect(page.status).toBe(400);
    expect(page.body).toBe('malformed percent-encoding in /%E0%A4%A');
  });

  it('refuses a stray argument on the command line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/web/server.ts', '4700'], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', MODELWISE_DATA_DIR: tmp() },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unexpected argument '4700' (did you mean --port?)");
  });
});
