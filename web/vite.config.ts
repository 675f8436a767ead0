import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The local runtime (`npm run dev` at the root) listens on :3000 and serves the API, the
// WebSocket endpoint and /config.json; the Vite dev server forwards those to it so the
// browser sees one origin, exactly as it does behind CloudFront.
const LOCAL_RUNTIME = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: LOCAL_RUNTIME, changeOrigin: false },
      '/config.json': { target: LOCAL_RUNTIME, changeOrigin: false },
      '/ws': { target: LOCAL_RUNTIME, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Route pages are lazy chunks; this keeps a regression in any one chunk visible.
    chunkSizeWarningLimit: 250,
    rolldownOptions: {
      output: {
        // Libraries change far less often than Plume's own code: separate chunks stay
        // cached in browsers across deployments.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
            // The chart library and what it brings (d3 parts, redux): only the analytics pages
            // import it, so this chunk loads with them and never with the frame.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
