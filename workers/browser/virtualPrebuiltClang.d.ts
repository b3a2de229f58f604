/** Provided by prebuiltClangFilesPlugin (vite.config.ts): the files built at `npm run build`, by key (none in dev). */
declare module 'virtual:critique-prebuilt-clang' {
  export const prebuiltFiles: Record<string, string>;
}
