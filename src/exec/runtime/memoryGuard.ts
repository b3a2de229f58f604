/**
 * How a C++ program tells the judge it ran out of its memory limit. The limit is linked in as the
 * module's maximum memory, so an allocation past it fails inside malloc; what the program does then
 * (abort, a null dereference, a message and exit(1)) says nothing reliable about why. This small
 * translation unit, compiled with every program, wraps the C library's `sbrk` (through which every
 * malloc and operator new grows the heap): when the heap cannot grow, it calls an import the WASI
 * runner provides, so the runner knows for certain that the limit was reached.
 */
export const MEMORY_GUARD_NAME = 'critique_lab_memory_guard.cpp';
/** Its object file, built once (CppCompiler.memoryGuardObject) and linked into every program. */
export const MEMORY_GUARD_OBJECT_NAME = 'critique_lab_memory_guard.o';

/** The import the guard calls: module and field. */
export const MEMORY_GUARD_IMPORT = { module: 'critique_lab', name: 'memory_limit_reached' } as const;

/** Link flag that routes every `sbrk` call through the guard. */
export const MEMORY_GUARD_LINK_FLAGS = ['-Wl,--wrap=sbrk'] as const;

export const MEMORY_GUARD_SOURCE = `// critique-lab: reports a failed heap growth to the judge (see memoryGuard.ts).
#include <stdint.h>
extern "C" {
void *__real_sbrk(intptr_t increment);
__attribute__((import_module("${MEMORY_GUARD_IMPORT.module}"), import_name("${MEMORY_GUARD_IMPORT.name}")))
void critique_lab_memory_limit_reached(void);
void *__wrap_sbrk(intptr_t increment) {
  void *previous = __real_sbrk(increment);
  if (previous == (void *)-1 && increment > 0) critique_lab_memory_limit_reached();
  return previous;
}
}
`;
