import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/**
 * The app's chunks, asked for from the page's head beside the entry. The entry's import() would
 * ask only once the entry has run, after the first screen's catalog call went out: the
 * browser-mode server builds the catalog first and the app's code waited behind it.
 */
function preloadAppChunks(): Plugin {
  return {
    name: 'modelwise-preload-app-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = new Map<string, OutputChunk>();
        for (const c of Object.values(ctx.bundle ?? {}))
          if (c.type === 'chunk') chunks.set(c.fileName, c);
        const app = [...chunks.values()].find((c) =>
          c.facadeModuleId?.endsWith('/renderer/app/start.tsx'),
        );
        // The app's chunk and every chunk it imports statically, each once.
        const files = new Set<string>();
        const add = (c: OutputChunk | undefined): void => {
          // The entry is on the page already, as its script.
          if (c === undefined || c.isEntry || files.has(c.fileName)) return;
          files.add(c.fileName);
          for (const f of c.imports) add(chunks.get(f));
        };
        add(app);
        // Smallest first: the browser-mode server answers one request at a time, and the small
        // chunks (the number formats, which the entry runs ahead) are wanted first.
        const bySize = [...files].sort(
          (a, b) => (chunks.get(a)?.code.length ?? 0) - (chunks.get(b)?.code.length ?? 0),
        );
        return bySize.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// The renderer builds to dist/renderer with relative paths, so the same files load from file://
// in Electron and from the browser-mode server.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [preloadAppChunks()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // TanStack marks its React modules 'use client' (a server-components hint); this app has none.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
