/**
 * The runtime files (Pyodide, clang and its resources, the prebuilt files clang uses) are large,
 * and compress well (clang's wasm 75 → 23 MB). The build ships each one only gzip-compressed, as
 * `<name>.gz`, and the browser decodes it itself (`browser/runtimeFileFetch.ts`) — so the savings
 * hold on any static host, whatever it does or does not compress. Cache Storage keeps the decoded
 * file under its own name, `<name>`, which is what everything else asks for.
 */

/** Cache Storage name of the runtimes: the decoded files, under their uncompressed names. */
export const TOOLCHAIN_CACHE = 'critique-lab-toolchains';

/** What the build appends to a runtime file's name: the copy it ships, gzip-compressed. */
export const COMPRESSED_SUFFIX = '.gz';
