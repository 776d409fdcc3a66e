import path from "node:path";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The member app: a static site (relative asset paths, so it can be served
 * from any folder or IPFS gateway). `lib/` sits outside the app's root and is
 * shared with the CLI, so the dev server may read the whole repository.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  server: { fs: { allow: [path.resolve(import.meta.dirname, "..")] } },
  build: {
    outDir: path.join(import.meta.dirname, "dist"),
    emptyOutDir: true,
    // The report of `npm run test:app` measures the gzipped total itself.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
});
