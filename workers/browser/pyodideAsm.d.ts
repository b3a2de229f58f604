/** Pyodide's Emscripten module factory (bundled into the sandbox Python worker). */
declare module 'pyodide/pyodide.asm.mjs' {
  const createPyodideModule: (settings: object) => Promise<unknown>;
  export default createPyodideModule;
}
