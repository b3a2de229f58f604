/** Provided by sandboxBundlePlugin (vite.config.ts). */
declare module 'virtual:critique-sandbox' {
  export const frameCodeUrl: string;
  export const pythonWorkerCodeUrl: string;
  export const wasmWorkerCodeUrl: string;
  export const pyodideUrls: { wasm: string; stdlib: string; lock: string };
  export const pyodideVersion: string;
}
