/**
 * How a C++ program tells the judge it ran out of its memory limit. The limit is linked in as the
 * module's maximum memory, so an allocation past it fails inside malloc; what the program does then
 * (abort, a null dereference, a message and exit(1)) says nothing reliable about why. This small
 * translation unit, compiled with every program, wraps the C library's `sbrk` (through which every
 * malloc and operator new grows the heap): when the heap cannot grow, it calls an import the WASI
 * runner provides, so the runner knows for certain that the limit was reached.
 *
 * It also grows the memory ahead, by a sixteenth of its size at least: malloc asks for 64 KiB at a
 * time, and each growth of a wasm memory costs V8 far more than its size suggests (it accounts the
 * new memory and collects garbage): 200,000 std::set insertions ran 3× slower with a 64 MiB stack
 * below the heap than without. The break it returns moves exactly as asked; only the memory ahead
 * of it is grown sooner (at most 1/16 more than needed, and never past the limit: near it, the
 * memory grows by exactly what is asked).
 */
export const MEMORY_GUARD_NAME = 'critique_lab_memory_guard.cpp';
/** Its object file, built once (CppCompiler.memoryGuardObject) and linked into every program. */
export const MEMORY_GUARD_OBJECT_NAME = 'critique_lab_memory_guard.o';

/** The import the guard calls: module and field. */
export const MEMORY_GUARD_IMPORT = { module: 'critique_lab', name: 'memory_limit_reached' } as const;

/** Link flag that routes every `sbrk` call through the guard. */
export const MEMORY_GUARD_LINK_FLAGS = ['-Wl,--wrap=sbrk'] as const;

export const MEMORY_GUARD_SOURCE = `// critique-lab: grows the heap ahead and reports a failed growth to the judge (see memoryGuard.ts).
#include <errno.h>
#include <stdint.h>
extern "C" {
void *__real_sbrk(intptr_t increment);
__attribute__((import_module("${MEMORY_GUARD_IMPORT.module}"), import_name("${MEMORY_GUARD_IMPORT.name}")))
void critique_lab_memory_limit_reached(void);
static uintptr_t heapBreak = 0, grownEnd = 0;
static const uintptr_t PAGE = 65536;
static bool grow(uintptr_t pages) {
  if (__builtin_wasm_memory_grow(0, pages) == SIZE_MAX) return false;
  grownEnd += pages * PAGE;
  return true;
}
void *__wrap_sbrk(intptr_t increment) {
  if (heapBreak == 0) heapBreak = grownEnd = (uintptr_t)__real_sbrk(0);
  if (increment < 0) return __real_sbrk(increment);
  uintptr_t wanted = heapBreak + (uintptr_t)increment;
  bool beyondAddresses = wanted < heapBreak || wanted > UINTPTR_MAX - PAGE;
  if (beyondAddresses || wanted > grownEnd) {
    uintptr_t pages = beyondAddresses ? 0 : (wanted - grownEnd + PAGE - 1) / PAGE, ahead = grownEnd / PAGE / 16;
    if (beyondAddresses || (!(pages < ahead && grow(ahead)) && !grow(pages))) {
      critique_lab_memory_limit_reached();
      errno = ENOMEM;
      return (void *)-1;
    }
  }
  void *previous = (void *)heapBreak;
  heapBreak = wanted;
  return previous;
}
}
`;
