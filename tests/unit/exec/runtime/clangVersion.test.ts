/** The prebuilt files' keys name the clang they were built with: the constant must be the installed release. */
import * as yowaspClang from '@yowasp/clang';
import { expect, it } from 'vitest';
import { CLANG_VERSION, CppCompiler } from '../../../../src/exec/runtime/cppCompiler';

it('CLANG_VERSION is the installed @yowasp/clang, and every prebuilt key hashes it', () => {
  // The bundle exports its release; its type declarations do not list it.
  expect(CLANG_VERSION).toBe((yowaspClang as unknown as { version: string }).version);
  expect(new Set([CppCompiler.pchKey(), CppCompiler.memoryGuardKey(), CppCompiler.stdioStreamsKey()]).size).toBe(3);
});
