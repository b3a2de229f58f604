/**
 * `<bits/stdc++.h>` is a GCC convenience header that most competitive C++ starts with; clang's
 * libc++ has none. This shim includes the standard headers it would, minus those that wasm32-wasi
 * cannot provide (threads, signals, setjmp, file system, locale-heavy ones). It is also what the
 * precompiled header is built from.
 */
export const STDCPP_SHIM_PATH = 'bits/stdc++.h';

const HEADERS = [
  // C library
  'cassert',
  'cctype',
  'cerrno',
  'cfloat',
  'cinttypes',
  'climits',
  'cmath',
  'cstdarg',
  'cstddef',
  'cstdint',
  'cstdio',
  'cstdlib',
  'cstring',
  'ctime',
  'cwchar',
  'cwctype',
  // C++ library
  'algorithm',
  'any',
  'array',
  'bitset',
  'charconv',
  'chrono',
  'complex',
  'deque',
  'functional',
  'initializer_list',
  'iomanip',
  'ios',
  'iosfwd',
  'iostream',
  'istream',
  'iterator',
  'limits',
  'list',
  'map',
  'memory',
  'new',
  'numeric',
  'optional',
  'ostream',
  'queue',
  'random',
  'ratio',
  'set',
  'sstream',
  'stack',
  'streambuf',
  'string',
  'string_view',
  'tuple',
  'type_traits',
  'typeinfo',
  'unordered_map',
  'unordered_set',
  'utility',
  'valarray',
  'variant',
  'vector',
];

const CPP20_HEADERS = ['bit', 'compare', 'concepts', 'numbers', 'ranges', 'span'];

export const STDCPP_SHIM = `// <bits/stdc++.h> shim for clang/libc++ on wasm32-wasi (critique-lab).
#ifndef CRITIQUE_LAB_BITS_STDCPP_H
#define CRITIQUE_LAB_BITS_STDCPP_H
${HEADERS.map((h) => `#include <${h}>`).join('\n')}
#if __cplusplus >= 202002L
${CPP20_HEADERS.map((h) => `#include <${h}>`).join('\n')}
#endif
#endif
`;
