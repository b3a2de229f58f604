"""The judge's side of a Python run inside Pyodide (loaded once per interpreter by pythonRunner.ts).

`_run` executes one program on one test: a fresh `__main__` namespace, its own stdin/stdout/stderr
(stdout capped: the program stops with an output-limit status when it prints too much), and
afterwards `_restore` puts the interpreter back as it was after start-up: modules the program
imported are dropped, changed modules and builtins are restored, and the recursion and
int-digits limits are reset. `_check_syntax` is the Python "compile" step.

Results are `[status, exit_code, message, stdout, stderr]` with status one of ok, exit, crash,
timeout, memory, output (see runOutcome.ts).
"""

import sys, io, builtins, traceback, gc

# Tracebacks and the syntax check name the program this file; pythonRunner.ts relies on it.
SOURCE_NAME = 'solution.py'

_missing = object()

class _OutputLimit(BaseException):
    pass

class _CappedBytes(io.BytesIO):
    def __init__(self, cap, raise_on_cap):
        super().__init__()
        self.cap = cap
        self.raise_on_cap = raise_on_cap
        self.exceeded = False
    def write(self, b):
        room = self.cap - self.tell()
        if len(b) > room:
            self.exceeded = True
            if room > 0:
                super().write(bytes(b)[:room])
            if self.raise_on_cap:
                raise _OutputLimit()
            return len(b)
        return super().write(b)

_baseline_modules = set(sys.modules)
_module_snapshots = [(m, dict(m.__dict__)) for n, m in list(sys.modules.items())
                     if n not in ('sys', 'builtins', '__main__') and hasattr(m, '__dict__')]
_builtins_snapshot = dict(builtins.__dict__)
_recursion_limit = sys.getrecursionlimit()
_int_digits = sys.get_int_max_str_digits()

def _check_syntax(source):
    try:
        compile(source, SOURCE_NAME, 'exec')
        return ''
    except (SyntaxError, ValueError) as error:
        return ''.join(traceback.format_exception_only(type(error), error))

def _missing_module_message(error):
    """A plain sentence for an import that cannot succeed here: nothing outside the standard library
    can be installed offline, and a few standard modules do not exist under WebAssembly."""
    top = (error.name or '').split('.')[0]
    if not top:
        return 'ModuleNotFoundError'
    if top in sys.stdlib_module_names:
        return '%s is part of the standard library but not available in this judge (no such module under WebAssembly)' % top
    return '%s is not available in this judge: only the Python standard library is installed' % top

def _tail_traceback(error):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != SOURCE_NAME:
        tb = tb.tb_next
    return ''.join(traceback.format_exception(type(error), error, tb))

def _run(source, stdin_js, out_cap, err_cap, argv=None, import_dir=None):
    stdin_bytes = stdin_js.to_bytes()
    # Output validators get arguments (input, answer, feedback folder, flags) and their own folder
    # on the import path; submissions get neither.
    saved_argv, saved_path = list(sys.argv), list(sys.path)
    sys.argv = [SOURCE_NAME] + (list(argv) if argv is not None else [])
    if import_dir is not None:
        sys.path.insert(0, import_dir)
    out = _CappedBytes(out_cap, True)
    err = _CappedBytes(err_cap, False)
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding='utf-8', errors='replace')
    sys.stdout = io.TextIOWrapper(out, encoding='utf-8', errors='backslashreplace')
    sys.stderr = io.TextIOWrapper(err, encoding='utf-8', errors='backslashreplace', write_through=True)
    status, code, message, trace = 'ok', 0, '', ''
    try:
        program = compile(source, SOURCE_NAME, 'exec')
        exec(program, {'__name__': '__main__', '__builtins__': builtins, '__file__': SOURCE_NAME})
    except SystemExit as error:
        if error.code is None or error.code == 0:
            pass
        elif isinstance(error.code, int):
            status, code, message = 'exit', error.code, 'exit status %d' % error.code
        else:
            trace = str(error.code) + '\n'
            status, code, message = 'exit', 1, 'exit status 1'
    except _OutputLimit:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    except KeyboardInterrupt:
        status, message = 'timeout', 'interrupted at the time limit'
    except MemoryError as error:
        status, message, trace = 'memory', 'MemoryError', _tail_traceback(error)
    except ModuleNotFoundError as error:
        status, message, trace = 'crash', _missing_module_message(error), _tail_traceback(error)
    except RuntimeError as error:
        # CPython in WebAssembly has no threads: say so rather than "RuntimeError".
        thread = "can't start new thread" in str(error)
        status, trace = 'crash', _tail_traceback(error)
        message = 'threads are not available in this judge (Python runs single-threaded here)' if thread else type(error).__name__
    except BaseException as error:
        status, message, trace = 'crash', type(error).__name__, _tail_traceback(error)
    try:
        sys.stdout.flush()
    except _OutputLimit:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    except BaseException:
        pass
    if out.exceeded:
        status, message = 'output', 'printed more than %d bytes' % out_cap
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    stdout_text = out.getvalue().decode('utf-8', 'replace')
    stderr_text = err.getvalue().decode('utf-8', 'replace') + trace
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__
    sys.argv[:], sys.path[:] = saved_argv, saved_path
    _restore()
    return [status, code, message, stdout_text, stderr_text]

def _restore():
    for name in list(sys.modules):
        if name not in _baseline_modules:
            del sys.modules[name]
    for module, snapshot in _module_snapshots:
        current = module.__dict__
        if len(current) != len(snapshot) or any(current.get(k, _missing) is not v for k, v in snapshot.items()):
            current.clear()
            current.update(snapshot)
    builtins.__dict__.clear()
    builtins.__dict__.update(_builtins_snapshot)
    sys.setrecursionlimit(_recursion_limit)
    sys.set_int_max_str_digits(_int_digits)
    gc.collect()
