/** Provided by pchAssetPlugin (vite.config.ts): the prebuilt <bits/stdc++.h> PCH, or null in dev. */
declare module 'virtual:critique-pch' {
  export const prebuiltPchFile: string | null;
}
