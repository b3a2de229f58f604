/** The prebuilt files' keys name the clang they were built with: the constant must be the installed release. */
import { version } from '@yowasp/clang';
import { expect, it } from 'vitest';
import { CLANG_VERSION, CppCompiler } from '../../../../src/exec/runtime/cppCompiler';

it('CLANG_VERSION is the installed @yowasp/clang, and every prebuilt key hashes it', () => {
  expect(CLANG_VERSION).toBe(version);
  expect(new Set([CppCompiler.pchKey(), CppCompiler.memoryGuardKey(), CppCompiler.stdioStreamsKey()]).size).toBe(3);
});
