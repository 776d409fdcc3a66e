/**
 * A small static file server for the built app (`app/dist`), with the
 * deployment addresses of the chains it should know served beside it. Used
 * by `npm run app` and by the app's browser tests; no outside service.
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 for any free port). `extra` maps
 * request paths (`/deployments/chain-31337.json`) to contents served instead
 * of files, or to `null` for a path that is not found whatever the folder
 * holds. It is read at each request, so a caller may change it.
 */
export async function serveStatic(
  root: string,
  port: number,
  extra: ReadonlyMap<string, string | null> = new Map(),
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const pathname = decodeURIComponent(url.pathname);
      const fixed = extra.get(pathname);
      if (fixed === null) {
        response.writeHead(404).end("not found");
        return;
      }
      if (fixed !== undefined) {
        response.writeHead(200, { "content-type": TYPES[path.extname(pathname)] ?? "text/plain" });
        response.end(fixed);
        return;
      }
      const file = path.join(root, pathname === "/" ? "index.html" : pathname);
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "cache-control": pathname.startsWith("/assets/")
            ? "max-age=31536000, immutable"
            : "no-cache",
        });
        response.end(body);
      } catch {
        response.writeHead(404).end("not found");
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
