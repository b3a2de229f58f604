/**
 * Why `cin >>` and `cout <<` were 10–40× slower than `scanf`/`printf` here, and the translation unit
 * that fixes it. @yowasp/clang's libc++.a is built without optimisation: the iostream, locale and
 * string templates it instantiates once for everyone (`basic_istream<char>`, `num_get<char>`,
 * `basic_string<char>::push_back`, …) run as unoptimised code — every `egptr()`, every
 * `char_traits::to_int_type` is a call. On top of that, `std::cin`'s buffer (libc++'s
 * `__stdinbuf`) has no get area: each character is a virtual `underflow`, a `getc`, a code
 * conversion and an `ungetc`; `std::cout` likewise makes each character a virtual `overflow`.
 * (Reading through the WASI boundary is not the cause: C stdio reads stdin in 1 KiB blocks.)
 *
 * This unit, compiled once with the program's own flags and linked into every program, does three
 * things:
 *
 * 1. It instantiates those templates again, optimised — and `std::sort`'s `__sort`, which libc++'s
 *    headers only declare for arithmetic types in their default order. Explicit instantiations are weak
 *    definitions both here and in libc++.a, and the linker keeps the first it sees: ours, since
 *    object files come before the libraries.
 * 2. It gives `std::cin` and `std::cout` stream buffers that keep C stdio's semantics — one stream
 *    with `scanf`/`printf`, as with `sync_with_stdio(true)` — without a call per character.
 *    `cin`'s get area is the unread part of C stdio's own buffer for `stdin` (`__freadptr`), so
 *    `cin >> x` and `scanf` read from the same bytes; what `cin` consumed is handed back to stdio
 *    (`__freadptrinc`) before any C stdio function runs. `cout` collects output in a small buffer
 *    that goes into `stdout`'s FILE (`fwrite`) before any C stdio function runs, on every flush
 *    (`endl`, `flush`, a tied `cin` reading) and at exit, so output interleaves exactly as it did.
 *    "Before any C stdio function" is done by the linker: every C stdio function a program can
 *    call on a stream is wrapped (`--wrap`), and the wrapper settles both buffers first.
 * 3. While every stream has the classic locale (`imbue` and `locale::global` are wrapped to
 *    notice), istream's sentry and `>>`/`<<` of the integer types take paths that give exactly
 *    what libc++ gives in that locale without asking the locale, and facet lookups of the classic
 *    locale are remembered; hex, oct, `showpos`, a width or another locale take libc++'s path.
 *    What a line or a read costs outside the stream when it changes nothing — copying and
 *    destroying the classic locale (`widen('\n')` in every `getline`), `ios_base::clear` with the
 *    stream's own state, flushing a tied `cout` that holds nothing — skips libc++.a's code.
 *
 * What a program can observe stays as it was: the order of interleaved `printf`/`cout` and
 * `scanf`/`cin`, flush on `endl` and at exit (`exit()` too: our buffer is settled by a static
 * destructor that runs after the program's own), `cin.tie()`, end of file (C stdio's, as before).
 * `sync_with_stdio(false)` changes nothing, as before (libc++ ignores it). `cerr`, `clog` and the
 * wide streams keep libc++'s buffers. `cin.rdbuf()` and `cout.rdbuf()` point at ours.
 */
export const STDIO_STREAMS_NAME = 'critique_lab_stdio_streams.cpp';
/** Its object file, built once (CppCompiler.stdioStreamsObject) and linked into every program. */
export const STDIO_STREAMS_OBJECT_NAME = 'critique_lab_stdio_streams.o';

/** C stdio functions with a fixed argument list: return type, name, parameters, argument names. */
const FIXED: ReadonlyArray<readonly [string, string, string, string]> = [
  ['int', 'getc', 'FILE *f', 'f'],
  ['int', 'getchar', 'void', ''],
  ['int', 'fgetc', 'FILE *f', 'f'],
  ['int', 'getc_unlocked', 'FILE *f', 'f'],
  ['int', 'getchar_unlocked', 'void', ''],
  ['int', 'fgetc_unlocked', 'FILE *f', 'f'],
  ['int', 'ungetc', 'int c, FILE *f', 'c, f'],
  ['char *', 'fgets', 'char *s, int n, FILE *f', 's, n, f'],
  ['char *', 'fgets_unlocked', 'char *s, int n, FILE *f', 's, n, f'],
  ['size_t', 'fread', 'void *p, size_t size, size_t n, FILE *f', 'p, size, n, f'],
  ['size_t', 'fread_unlocked', 'void *p, size_t size, size_t n, FILE *f', 'p, size, n, f'],
  ['ssize_t', 'getline', 'char **s, size_t *n, FILE *f', 's, n, f'],
  ['ssize_t', 'getdelim', 'char **s, size_t *n, int d, FILE *f', 's, n, d, f'],
  ['ssize_t', '__getdelim', 'char **s, size_t *n, int d, FILE *f', 's, n, d, f'],
  ['int', 'vfscanf', 'FILE *f, const char *fmt, va_list ap', 'f, fmt, ap'],
  ['int', 'vscanf', 'const char *fmt, va_list ap', 'fmt, ap'],
  ['int', '__isoc99_vfscanf', 'FILE *f, const char *fmt, va_list ap', 'f, fmt, ap'],
  ['int', '__isoc99_vscanf', 'const char *fmt, va_list ap', 'fmt, ap'],
  ['wint_t', 'fgetwc', 'FILE *f', 'f'],
  ['wint_t', 'getwc', 'FILE *f', 'f'],
  ['wint_t', 'getwchar', 'void', ''],
  ['wint_t', 'ungetwc', 'wint_t c, FILE *f', 'c, f'],
  ['wchar_t *', 'fgetws', 'wchar_t *s, int n, FILE *f', 's, n, f'],
  ['int', 'vfwscanf', 'FILE *f, const wchar_t *fmt, va_list ap', 'f, fmt, ap'],
  ['int', 'vwscanf', 'const wchar_t *fmt, va_list ap', 'fmt, ap'],
  ['int', 'putc', 'int c, FILE *f', 'c, f'],
  ['int', 'putchar', 'int c', 'c'],
  ['int', 'fputc', 'int c, FILE *f', 'c, f'],
  ['int', 'putc_unlocked', 'int c, FILE *f', 'c, f'],
  ['int', 'putchar_unlocked', 'int c', 'c'],
  ['int', 'fputc_unlocked', 'int c, FILE *f', 'c, f'],
  ['int', 'fputs', 'const char *s, FILE *f', 's, f'],
  ['int', 'fputs_unlocked', 'const char *s, FILE *f', 's, f'],
  ['int', 'puts', 'const char *s', 's'],
  ['size_t', 'fwrite', 'const void *p, size_t size, size_t n, FILE *f', 'p, size, n, f'],
  ['size_t', 'fwrite_unlocked', 'const void *p, size_t size, size_t n, FILE *f', 'p, size, n, f'],
  ['int', 'vfprintf', 'FILE *f, const char *fmt, va_list ap', 'f, fmt, ap'],
  ['int', 'vprintf', 'const char *fmt, va_list ap', 'fmt, ap'],
  ['wint_t', 'fputwc', 'wchar_t c, FILE *f', 'c, f'],
  ['wint_t', 'putwc', 'wchar_t c, FILE *f', 'c, f'],
  ['wint_t', 'putwchar', 'wchar_t c', 'c'],
  ['int', 'fputws', 'const wchar_t *s, FILE *f', 's, f'],
  ['int', 'vfwprintf', 'FILE *f, const wchar_t *fmt, va_list ap', 'f, fmt, ap'],
  ['int', 'vwprintf', 'const wchar_t *fmt, va_list ap', 'fmt, ap'],
  ['int', 'fflush', 'FILE *f', 'f'],
  ['int', 'fclose', 'FILE *f', 'f'],
  ['FILE *', 'freopen', 'const char *path, const char *mode, FILE *f', 'path, mode, f'],
  ['int', 'setvbuf', 'FILE *f, char *buf, int mode, size_t size', 'f, buf, mode, size'],
  ['int', 'fseek', 'FILE *f, long offset, int whence', 'f, offset, whence'],
  ['int', 'fseeko', 'FILE *f, off_t offset, int whence', 'f, offset, whence'],
  ['long', 'ftell', 'FILE *f', 'f'],
  ['off_t', 'ftello', 'FILE *f', 'f'],
  ['int', 'fgetpos', 'FILE *f, fpos_t *pos', 'f, pos'],
  ['int', 'fsetpos', 'FILE *f, const fpos_t *pos', 'f, pos'],
  ['int', '__fpurge', 'FILE *f', 'f'],
  ['int', 'fpurge', 'FILE *f', 'f'],
];

/** The same with no result. */
const FIXED_VOID: ReadonlyArray<readonly [string, string, string]> = [
  ['rewind', 'FILE *f', 'f'],
  ['setbuf', 'FILE *f, char *buf', 'f, buf'],
  ['setbuffer', 'FILE *f, char *buf, size_t size', 'f, buf, size'],
  ['setlinebuf', 'FILE *f', 'f'],
];

/** Variadic ones: name, fixed parameters, the `v` function they forward to, its leading arguments. */
const VARIADIC: ReadonlyArray<readonly [string, string, string, string]> = [
  ['printf', 'const char *fmt', 'vfprintf', 'stdout, fmt'],
  ['fprintf', 'FILE *f, const char *fmt', 'vfprintf', 'f, fmt'],
  ['scanf', 'const char *fmt', 'vfscanf', 'stdin, fmt'],
  ['fscanf', 'FILE *f, const char *fmt', 'vfscanf', 'f, fmt'],
  ['__isoc99_scanf', 'const char *fmt', 'vfscanf', 'stdin, fmt'],
  ['__isoc99_fscanf', 'FILE *f, const char *fmt', 'vfscanf', 'f, fmt'],
  ['wprintf', 'const wchar_t *fmt', 'vfwprintf', 'stdout, fmt'],
  ['fwprintf', 'FILE *f, const wchar_t *fmt', 'vfwprintf', 'f, fmt'],
  ['wscanf', 'const wchar_t *fmt', 'vfwscanf', 'stdin, fmt'],
  ['fwscanf', 'FILE *f, const wchar_t *fmt', 'vfwscanf', 'f, fmt'],
];

const WRAPPED = [...FIXED.map((f) => f[1]), ...FIXED_VOID.map((f) => f[0]), ...VARIADIC.map((f) => f[0])];

/** Link flags that route every C stdio call through its wrapper. */
/** libc++'s two ways to change a stream's locale (ios_base::imbue, locale::global), watched by the fast paths. */
const LOCALE_SETTERS = ['_ZNSt3__28ios_base5imbueERKNS_6localeE', '_ZNSt3__26locale6globalERKS0_'];

/** libc++'s facet lookup, remembered for the classic locale. */
const FACET_LOOKUP = ['_ZNKSt3__26locale9use_facetERNS0_2idE'];

/**
 * What every `getline(cin, s)` pays per line outside the stream, in libc++.a's unoptimised code:
 * `widen('\n')` copies and destroys the stream's locale (a copy of the classic locale only
 * compares a pointer: libc++ does not count its references), and `setstate(goodbit)` calls
 * `ios_base::clear` with the state the stream already has.
 */
const PER_LINE_CALLS = [
  '_ZNSt3__26localeC1ERKS0_',
  '_ZNSt3__26localeC2ERKS0_',
  '_ZNSt3__26localeD1Ev',
  '_ZNSt3__26localeD2Ev',
  '_ZNSt3__28ios_base5clearEj',
];

/** The members with a classic-locale fast path: istream's sentry, `>>` and `<<` of each integer type. */
const FAST_MEMBERS = [
  '_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEE6sentryC1ERS3_b',
  '_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEE6sentryC2ERS3_b',
  ...[...'sitjlmxy'].map((code) => `_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEErsER${code}`),
  ...[...'stijlmxy'].map((code) => `_ZNSt3__213basic_ostreamIcNS_11char_traitsIcEEElsE${code}`),
];

/** Link flags that route every C stdio call, and every change of locale, through its wrapper. */
export const STDIO_STREAMS_LINK_FLAGS: readonly string[] = [
  ...WRAPPED,
  ...LOCALE_SETTERS,
  ...FACET_LOOKUP,
  ...PER_LINE_CALLS,
  ...FAST_MEMBERS,
].map((name) => `-Wl,--wrap=${name}`);

const wrappers = [
  ...FIXED.map(
    ([ret, name, params, args]) =>
      `${ret} __real_${name}(${params});\n${ret} __wrap_${name}(${params}) { settle(); return __real_${name}(${args}); }`,
  ),
  ...FIXED_VOID.map(
    ([name, params, args]) => `void __real_${name}(${params});\nvoid __wrap_${name}(${params}) { settle(); __real_${name}(${args}); }`,
  ),
  ...VARIADIC.map(
    ([name, params, forward, lead]) =>
      `int __wrap_${name}(${params}, ...) { va_list ap; va_start(ap, fmt); int r = __wrap_${forward}(${lead}, ap); va_end(ap); return r; }`,
  ),
].join('\n');

export const STDIO_STREAMS_SOURCE = `// critique-lab: optimised iostreams over C stdio (see stdioStreams.ts).
#include <algorithm>
#include <charconv>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <iostream>
#include <istream>
#include <limits>
#include <locale>
#include <ostream>
#include <streambuf>
#include <string>
#include <type_traits>
#include <stdio_ext.h>
#include <sys/types.h>
#include <unistd.h>

// Whether every stream still has the classic "C" locale: no stream was imbued and the global
// locale was never set (both calls are wrapped below). Then whitespace is " \\t\\n\\v\\f\\r", digits
// are ASCII and numbers are not grouped, and the fast paths below give what the locale would.
namespace {
bool classicLocales = true;
bool isClassicSpace(int c) { return c == ' ' || (c >= '\\t' && c <= '\\r'); }
bool decimalIntegers(const std::ios_base &stream) {
  std::ios_base::fmtflags base = stream.flags() & std::ios_base::basefield;
  return classicLocales && base != std::ios_base::oct && base != std::ios_base::hex;
}
} // namespace

struct CritiqueLabLocaleWatch : std::ios_base {
  std::locale imbue(const std::locale &l) asm("__wrap__ZNSt3__28ios_base5imbueERKNS_6localeE");
  std::locale realImbue(const std::locale &l) asm("__real__ZNSt3__28ios_base5imbueERKNS_6localeE");
};
std::locale CritiqueLabLocaleWatch::imbue(const std::locale &l) {
  classicLocales = false;
  return realImbue(l);
}
std::locale critiqueLabGlobalLocale(const std::locale &l) asm("__wrap__ZNSt3__26locale6globalERKS0_");
std::locale critiqueLabRealGlobalLocale(const std::locale &l) asm("__real__ZNSt3__26locale6globalERKS0_");
std::locale critiqueLabGlobalLocale(const std::locale &l) {
  classicLocales = false;
  return critiqueLabRealGlobalLocale(l);
}

namespace {
// What libc++'s num_get does for a base-10 integer in the classic locale, without the locale:
// an optional sign, digits; no digits or out of range is failbit (with 0, max or min); the end of
// input is eofbit.
template <class Value>
void parseDecimal(std::streambuf *sb, std::ios_base::iostate &state, Value &out) {
  using Unsigned = typename std::make_unsigned<Value>::type;
  using Traits = std::char_traits<char>;
  int c = sb->sgetc();
  bool negative = false;
  if (c == '+' || c == '-') {
    negative = c == '-';
    c = sb->snextc();
  }
  if (Traits::eq_int_type(c, Traits::eof())) {
    state |= std::ios_base::eofbit | std::ios_base::failbit;
    out = 0;
    return;
  }
  // Overflow by comparison: __builtin_mul_overflow on 64 bits is a 128-bit library call on wasm32.
  constexpr Unsigned limit = static_cast<Unsigned>(-1) / 10, lastDigit = static_cast<Unsigned>(-1) % 10;
  Unsigned value = 0;
  bool parsed = false, overflowed = false;
  for (; c >= '0' && c <= '9'; c = sb->snextc()) {
    Unsigned digit = static_cast<Unsigned>(c - '0');
    overflowed |= value > limit || (value == limit && digit > lastDigit);
    value = value * 10 + digit;
    parsed = true;
  }
  constexpr Unsigned max = static_cast<Unsigned>(std::numeric_limits<Value>::max());
  if (!parsed) {
    state |= std::ios_base::failbit;
    out = 0;
  } else if (overflowed) {
    state |= std::ios_base::failbit;
    out = std::is_signed<Value>::value && negative ? std::numeric_limits<Value>::min() : std::numeric_limits<Value>::max();
  } else if (!negative) {
    if (value > max) {
      state |= std::ios_base::failbit;
      out = std::numeric_limits<Value>::max();
    } else {
      out = static_cast<Value>(value);
    }
  } else if (std::is_signed<Value>::value) {
    if (value > max + 1) {
      state |= std::ios_base::failbit;
      out = std::numeric_limits<Value>::min();
    } else {
      out = static_cast<Value>(Unsigned(0) - value);
    }
  } else {
    out = static_cast<Value>(Unsigned(0) - value);
  }
  if (Traits::eq_int_type(c, Traits::eof())) state |= std::ios_base::eofbit;
}

bool nothingToFlush(const std::ostream &os);

// What istream's sentry does (tie flush, skip whitespace; eof and fail at the end of input), with
// the classic locale's whitespace instead of a ctype facet fetched from the stream's locale.
bool classicSentry(std::istream &is, bool noskipws) {
  using Traits = std::char_traits<char>;
  if (!is.good()) {
    is.setstate(std::ios_base::failbit);
    return false;
  }
  // A tied cout (sync on) is flushed before every read; with nothing waiting in our buffer nor in
  // stdout's FILE that flush writes nothing and changes no state, so it is skipped.
  if (is.tie() && !nothingToFlush(*is.tie())) is.tie()->flush();
  if (!noskipws && (is.flags() & std::ios_base::skipws)) {
    std::streambuf *sb = is.rdbuf();
    int c = sb ? sb->sgetc() : Traits::eof();
    while (!Traits::eq_int_type(c, Traits::eof()) && isClassicSpace(c)) c = sb->snextc();
    if (Traits::eq_int_type(c, Traits::eof())) is.setstate(std::ios_base::failbit | std::ios_base::eofbit);
  }
  return is.good();
}

// libc++ reads short and int as long, then narrows: out of range is failbit with the nearest limit.
template <class Value, class Read>
std::istream *extractInteger(std::istream *is, Value *n) {
  std::ios_base::iostate state = std::ios_base::goodbit;
  if (classicSentry(*is, false)) {
    Read read;
    parseDecimal(is->rdbuf(), state, read);
    if (read < std::numeric_limits<Value>::min()) {
      state |= std::ios_base::failbit;
      *n = std::numeric_limits<Value>::min();
    } else if (read > std::numeric_limits<Value>::max()) {
      state |= std::ios_base::failbit;
      *n = std::numeric_limits<Value>::max();
    } else {
      *n = static_cast<Value>(read);
    }
    is->setstate(state);
  }
  return is;
}

template <class Value>
std::ostream *insertDecimal(std::ostream *os, Value n) {
  std::ostream::sentry s(*os);
  if (s) {
    char digits[24];
    std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, n);
    std::streamsize length = end.ptr - digits;
    if (os->rdbuf()->sputn(digits, length) != length) os->setstate(std::ios_base::badbit | std::ios_base::failbit);
  }
  return os;
}
bool plainDecimal(const std::ios_base &os) {
  return decimalIntegers(os) && os.width() == 0 && !(os.flags() & std::ios_base::showpos);
}
} // namespace

// locale::use_facet, remembered for the classic locale (immutable and never destroyed): the
// unoptimised lookup was a third of std::getline's time (it widens '\\n' through the stream's ctype).
struct CritiqueLabFacetCache {
  const void *id;
  const void *facet;
};
static CritiqueLabFacetCache facetCache[16];
static const void *classicImplementation = nullptr;
extern "C" const void *__real__ZNKSt3__26locale9use_facetERNS0_2idE(const void *self, void *id);
extern "C" const void *__wrap__ZNKSt3__26locale9use_facetERNS0_2idE(const void *self, void *id) {
  // A locale holds one pointer, to its implementation.
  if (!classicImplementation || *static_cast<const void *const *>(self) != classicImplementation) return __real__ZNKSt3__26locale9use_facetERNS0_2idE(self, id);
  for (CritiqueLabFacetCache &entry : facetCache) {
    if (entry.id == id) return entry.facet;
    if (!entry.id) {
      entry.facet = __real__ZNKSt3__26locale9use_facetERNS0_2idE(self, id);
      entry.id = id;
      return entry.facet;
    }
  }
  return __real__ZNKSt3__26locale9use_facetERNS0_2idE(self, id);
}

// A copy of the classic locale only shares its pointer and destroying one does nothing (libc++'s
// locale::__imp::acquire/release skip the classic implementation); here that takes no call into
// libc++.a's unoptimised code. Constructors and destructors return \`this\` on WebAssembly.
#define CRITIQUE_LAB_LOCALE_COPY(Symbol)                                                                            \\
  extern "C" void *__real_##Symbol(void *self, const void *other);                                                  \\
  extern "C" void *__wrap_##Symbol(void *self, const void *other) {                                                 \\
    const void *implementation = *static_cast<const void *const *>(other);                                          \\
    if (!implementation || implementation != classicImplementation) return __real_##Symbol(self, other);            \\
    *static_cast<const void **>(self) = implementation;                                                             \\
    return self;                                                                                                    \\
  }
CRITIQUE_LAB_LOCALE_COPY(_ZNSt3__26localeC1ERKS0_)
CRITIQUE_LAB_LOCALE_COPY(_ZNSt3__26localeC2ERKS0_)
#undef CRITIQUE_LAB_LOCALE_COPY
#define CRITIQUE_LAB_LOCALE_DESTROY(Symbol)                                                                         \\
  extern "C" void *__real_##Symbol(void *self);                                                                     \\
  extern "C" void *__wrap_##Symbol(void *self) {                                                                    \\
    const void *implementation = *static_cast<const void *const *>(self);                                           \\
    if (!implementation || implementation != classicImplementation) return __real_##Symbol(self);                   \\
    return self;                                                                                                    \\
  }
CRITIQUE_LAB_LOCALE_DESTROY(_ZNSt3__26localeD1Ev)
CRITIQUE_LAB_LOCALE_DESTROY(_ZNSt3__26localeD2Ev)
#undef CRITIQUE_LAB_LOCALE_DESTROY

// ios_base::clear with the state a stream already has, no stream buffer missing and no exception
// asked for that state changes nothing; anything else is libc++'s (it sets badbit, or aborts).
struct CritiqueLabStateWatch : std::ios_base {
  void clear(iostate state) asm("__wrap__ZNSt3__28ios_base5clearEj");
  void realClear(iostate state) asm("__real__ZNSt3__28ios_base5clearEj");
};
void CritiqueLabStateWatch::clear(iostate state) {
  if (state == rdstate() && rdbuf() && (state & exceptions()) == 0) return;
  realClear(state);
}

// The hottest members, wrapped (a member function's \`this\` is its first argument): in the classic
// locale they take the paths above; otherwise, or in oct/hex, libc++'s own code.
static_assert(sizeof(std::istream::sentry) == sizeof(bool), "libc++'s istream sentry holds only its bool");
#define CRITIQUE_LAB_SENTRY(Symbol)                                                                                 \\
  extern "C" void *__real_##Symbol(void *self, std::istream *is, bool noskipws);                                     \\
  extern "C" void *__wrap_##Symbol(void *self, std::istream *is, bool noskipws) {                                    \\
    if (!classicLocales) return __real_##Symbol(self, is, noskipws);                                                \\
    *static_cast<bool *>(self) = classicSentry(*is, noskipws);                                                      \\
    return self;                                                                                                    \\
  }
CRITIQUE_LAB_SENTRY(_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEE6sentryC1ERS3_b)
CRITIQUE_LAB_SENTRY(_ZNSt3__213basic_istreamIcNS_11char_traitsIcEEE6sentryC2ERS3_b)
#undef CRITIQUE_LAB_SENTRY

#define CRITIQUE_LAB_EXTRACT(Code, Type, Read)                                                                      \\
  extern "C" std::istream *__real__ZNSt3__213basic_istreamIcNS_11char_traitsIcEEErsER##Code(std::istream *, Type *);  \\
  extern "C" std::istream *__wrap__ZNSt3__213basic_istreamIcNS_11char_traitsIcEEErsER##Code(std::istream *is, Type *n) { \\
    if (!decimalIntegers(*is)) return __real__ZNSt3__213basic_istreamIcNS_11char_traitsIcEEErsER##Code(is, n);       \\
    return extractInteger<Type, Read>(is, n);                                                                       \\
  }
CRITIQUE_LAB_EXTRACT(s, short, long)
CRITIQUE_LAB_EXTRACT(i, int, long)
CRITIQUE_LAB_EXTRACT(t, unsigned short, unsigned short)
CRITIQUE_LAB_EXTRACT(j, unsigned int, unsigned int)
CRITIQUE_LAB_EXTRACT(l, long, long)
CRITIQUE_LAB_EXTRACT(m, unsigned long, unsigned long)
CRITIQUE_LAB_EXTRACT(x, long long, long long)
CRITIQUE_LAB_EXTRACT(y, unsigned long long, unsigned long long)
#undef CRITIQUE_LAB_EXTRACT

// short and int are printed as long (in oct/hex as their unsigned type: libc++'s path).
#define CRITIQUE_LAB_INSERT(Code, Type, Printed)                                                                    \\
  extern "C" std::ostream *__real__ZNSt3__213basic_ostreamIcNS_11char_traitsIcEEElsE##Code(std::ostream *, Type);    \\
  extern "C" std::ostream *__wrap__ZNSt3__213basic_ostreamIcNS_11char_traitsIcEEElsE##Code(std::ostream *os, Type n) { \\
    if (!plainDecimal(*os)) return __real__ZNSt3__213basic_ostreamIcNS_11char_traitsIcEEElsE##Code(os, n);          \\
    return insertDecimal<Printed>(os, n);                                                                           \\
  }
CRITIQUE_LAB_INSERT(s, short, long)
CRITIQUE_LAB_INSERT(t, unsigned short, long)
CRITIQUE_LAB_INSERT(i, int, long)
CRITIQUE_LAB_INSERT(j, unsigned int, unsigned long)
CRITIQUE_LAB_INSERT(l, long, long)
CRITIQUE_LAB_INSERT(m, unsigned long, unsigned long)
CRITIQUE_LAB_INSERT(x, long long, long long)
CRITIQUE_LAB_INSERT(y, unsigned long long, unsigned long long)
#undef CRITIQUE_LAB_INSERT

// 1. The templates libc++.a holds unoptimised, instantiated here optimised (the linker keeps ours).
namespace std {
inline namespace _LIBCPP_ABI_NAMESPACE {
template class basic_streambuf<char>;
template class basic_ios<char>;
template class basic_istream<char>;
template class basic_ostream<char>;
template class basic_iostream<char>;
template struct __num_get<char>;
template struct __num_put<char>;
template class num_get<char>;
template class num_put<char>;
#define CRITIQUE_LAB_INSTANTIATE(...) template __VA_ARGS__;
#ifdef _LIBCPP_ABI_STRING_OPTIMIZED_EXTERNAL_INSTANTIATION
_LIBCPP_STRING_UNSTABLE_EXTERN_TEMPLATE_LIST(CRITIQUE_LAB_INSTANTIATE, char)
#else
_LIBCPP_STRING_V1_EXTERN_TEMPLATE_LIST(CRITIQUE_LAB_INSTANTIATE, char)
#endif
#undef CRITIQUE_LAB_INSTANTIATE
// std::sort of arithmetic values in their default order: the header sends it to \`__sort\`, which it
// only declares (libc++.a holds it, unoptimised: about 5× g++ -O2 on two million ints). Defined
// here as the header sorts with any other comparator (introsort, branchless for arithmetic types),
// and instantiated for the same types. \`__less<T>\` is an empty tag; \`__less<>\` compares.
template <class Compare, class Pointer>
void __sort(Pointer first, Pointer last, Compare) {
  if (first == last) return;
  __less<> less;
  const ptrdiff_t depth_limit = 2 * std::__bit_log2(static_cast<size_t>(last - first));
  std::__introsort<_ClassicAlgPolicy, __less<>&, Pointer, __use_branchless_sort<__less<>, Pointer> >(first, last, less, depth_limit);
}
#define CRITIQUE_LAB_SORT(T) template void __sort<__less<T>&, T*>(T*, T*, __less<T>&);
CRITIQUE_LAB_SORT(char)
CRITIQUE_LAB_SORT(wchar_t)
CRITIQUE_LAB_SORT(signed char)
CRITIQUE_LAB_SORT(unsigned char)
CRITIQUE_LAB_SORT(short)
CRITIQUE_LAB_SORT(unsigned short)
CRITIQUE_LAB_SORT(int)
CRITIQUE_LAB_SORT(unsigned)
CRITIQUE_LAB_SORT(long)
CRITIQUE_LAB_SORT(unsigned long)
CRITIQUE_LAB_SORT(long long)
CRITIQUE_LAB_SORT(unsigned long long)
CRITIQUE_LAB_SORT(float)
CRITIQUE_LAB_SORT(double)
CRITIQUE_LAB_SORT(long double)
#undef CRITIQUE_LAB_SORT
} // namespace _LIBCPP_ABI_NAMESPACE
} // namespace std

extern "C" {
int __real_getc(FILE *f);
int __real_ungetc(int c, FILE *f);
size_t __real_fwrite(const void *p, size_t size, size_t n, FILE *f);
int __real_fflush(FILE *f);
}

namespace {

// cin's get area is the unread part of stdin's FILE buffer; \`start_\` is where stdio's read
// position is, so gptr() - start_ bytes are consumed by cin but not yet by stdio.
class StdinBuffer final : public std::streambuf {
public:
  // Hands what cin consumed back to stdio and lets go of stdio's buffer, before a C function runs
  // (it may read, refill or replace that buffer): cin looks at it again when it next reads.
  void settle() {
    if (start_) {
      handBack();
      setg(nullptr, nullptr, nullptr);
      start_ = nullptr;
    }
  }

protected:
  int_type underflow() override {
    handBack();
    size_t n = 0;
    const char *p = __freadptr(stdin, &n);
    if (!p || n == 0) {
      // stdio refills its buffer (or meets the end of input); the byte goes back unread.
      int c = __real_getc(stdin);
      if (c == EOF) {
        setg(nullptr, nullptr, nullptr);
        start_ = nullptr;
        return traits_type::eof();
      }
      __real_ungetc(c, stdin);
      p = __freadptr(stdin, &n);
    }
    char *at = const_cast<char *>(p);
    setg(at, at, at + n);
    start_ = at;
    return traits_type::to_int_type(*at);
  }
  int_type pbackfail(int_type c) override {
    settle();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::eof();
    return __real_ungetc(traits_type::to_char_type(c), stdin) == EOF ? traits_type::eof() : c;
  }
  std::streamsize showmanyc() override {
    handBack();
    size_t n = 0;
    return __freadptr(stdin, &n) ? static_cast<std::streamsize>(n) : 0;
  }
  int sync() override {
    handBack();
    return 0;
  }

private:
  void handBack() {
    if (start_ && gptr() != start_) {
      __freadptrinc(stdin, static_cast<size_t>(gptr() - start_));
      start_ = gptr();
    }
  }
  char *start_ = nullptr;
};

// cout's bytes wait here until a C function, a flush or the end of the program moves them into stdout's FILE.
class StdoutBuffer final : public std::streambuf {
public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  bool empty() const { return pptr() == pbase(); }
  bool settle() {
    size_t n = static_cast<size_t>(pptr() - pbase());
    if (n == 0) return true;
    setp(buffer_, buffer_ + sizeof buffer_);
    return __real_fwrite(buffer_, 1, n, stdout) == n;
  }

protected:
  int_type overflow(int_type c) override {
    if (!settle()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  std::streamsize xsputn(const char *s, std::streamsize n) override {
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    if (!settle()) return 0;
    return static_cast<std::streamsize>(__real_fwrite(s, 1, static_cast<size_t>(n), stdout));
  }
  // As libc++'s own cout buffer: a flush reaches the C library's stream and flushes it.
  int sync() override { return settle() && __real_fflush(stdout) == 0 ? 0 : -1; }

private:
  char buffer_[4096];
};

StdinBuffer *input = nullptr;
StdoutBuffer *output = nullptr;

bool nothingToFlush(const std::ostream &os) {
  return output && os.rdbuf() == output && output->empty() && !os.tie() && __fpending(stdout) == 0;
}

void settle() {
  if (input) input->settle();
  if (output) output->settle();
}

// Installed right after libc++ builds cin and cout (priority 100); destroyed after the program's own
// static objects and atexit functions, before stdio's final flush: cout's last bytes go to stdout first.
struct Installation {
  StdinBuffer in;
  StdoutBuffer out;
  std::streambuf *originalIn = nullptr;
  std::streambuf *originalOut = nullptr;
  Installation() {
    static_assert(sizeof(std::locale) == sizeof(void *), "libc++'s locale holds one pointer");
    classicImplementation = *reinterpret_cast<const void *const *>(&std::locale::classic());
    originalIn = std::cin.rdbuf(&in);
    input = &in;
    if (!isatty(fileno(stdout))) { // a terminal's stdout is line-buffered: it keeps libc++'s buffer
      originalOut = std::cout.rdbuf(&out);
      output = &out;
    }
  }
  ~Installation() {
    settle();
    input = nullptr;
    output = nullptr;
    std::cin.rdbuf(originalIn);
    if (originalOut) std::cout.rdbuf(originalOut);
  }
};

__attribute__((init_priority(101))) Installation installation;

} // namespace

// 2. Every C stdio function settles both buffers first.
extern "C" {
${wrappers}
}
`;
