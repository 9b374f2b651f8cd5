"""trainbench_notebook: a Jupyter notebook's code cells run in order, headless, on any machine with
a Python 3 (no Jupyter needed), under the run-directory contract (docs/RUN_FORMAT.md, Notebooks).

    python3 -m trainbench_notebook NOTEBOOK.ipynb [--out EXECUTED.ipynb]

All cells share one namespace. `!cmd`, `x = !cmd`, `%%bash`/`%%sh`, `%cd`, `%env`, `%pip`,
`%time`/`%%time`, `%%writefile`, `%%capture` and `%matplotlib` work as in Jupyter; other magics
are skipped with a note. Colab-only calls (google.colab.drive.mount, files.upload) stop with
what to use instead. After every cell the executed copy (default: notebook.executed.ipynb in the
run folder) is rewritten with each cell's outputs, figures included, so it opens in Jupyter as
if run there. A failing cell fails the run, naming the cell.
"""

import ast
import base64
import io
import json
import linecache
import os
import re
import signal
import subprocess
import sys
import time
import traceback
import types

RUN_DIR = os.environ.get("TRAINBENCH_RUN_DIR", os.getcwd())


class Stopped(BaseException):
    """SIGTERM from a stop: the run ends after writing what it has."""


class Recorder:
    """The outputs of the cell being run, in Jupyter's nbformat 4 shapes."""

    def __init__(self):
        self.outputs = []
        self.quiet = False  # %%capture

    def stream(self, name, text):
        if self.quiet or not text:
            return
        last = self.outputs[-1] if self.outputs else None
        if last and last.get("output_type") == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": name, "text": text})

    def data(self, kind, data, count=None):
        output = {"output_type": kind, "data": data, "metadata": {}}
        if kind == "execute_result":
            output["execution_count"] = count
        self.outputs.append(output)


RECORDER = Recorder()


class Tee(io.TextIOBase):
    """What the cell prints: to the real stream (the run's log) and into the cell's outputs."""

    def __init__(self, real, name):
        self.real = real
        self.name = name

    def write(self, text):
        self.real.write(text)
        self.real.flush()
        RECORDER.stream(self.name, text)
        return len(text)

    def flush(self):
        self.real.flush()

    def isatty(self):
        return False

    def fileno(self):
        return self.real.fileno()


def rich_data(value):
    data = {"text/plain": repr(value)}
    for method, mime in (("_repr_html_", "text/html"), ("_repr_png_", "image/png")):
        render = getattr(value, method, None)
        if callable(render):
            try:
                shown = render()
            except Exception:  # a broken repr must not fail the cell
                continue
            if isinstance(shown, bytes):
                shown = base64.b64encode(shown).decode("ascii")
            if shown:
                data[mime] = shown
    return data


def display(*values):
    for value in values:
        print(repr(value), file=sys.__stdout__, flush=True)
        RECORDER.data("display_data", rich_data(value))


class Helpers:
    """What the rewritten cell lines call (bound as __tb in the notebook's namespace)."""

    def __init__(self, namespace):
        self.namespace = namespace

    def expand(self, command, frame_locals=None):
        scope = dict(self.namespace)
        scope.update(frame_locals or {})

        def braces(match):
            inner = match.group(1)
            try:
                return str(eval(inner, scope))
            except Exception:
                return match.group(0)

        command = re.sub(r"(?<!\{)\{([^{}]+)\}(?!\})", braces, command)
        command = re.sub(
            r"\$([A-Za-z_][A-Za-z0-9_]*)",
            lambda m: str(scope[m.group(1)]) if m.group(1) in scope else m.group(0),
            command,
        )
        return command.replace("{{", "{").replace("}}", "}")

    def shell(self, command, capture=False, frame_locals=None):
        command = self.expand(command, frame_locals)
        process = subprocess.Popen(
            command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            executable="/bin/bash" if os.path.exists("/bin/bash") else None)
        lines = []
        for raw in iter(process.stdout.readline, b""):
            text = raw.decode("utf-8", "replace")
            if capture:
                lines.append(text.rstrip("\n"))
            else:
                sys.stdout.write(text)
        process.wait()
        return lines if capture else None

    def magic(self, name, rest):
        if name == "cd":
            target = os.path.expanduser(rest.strip() or "~")
            os.chdir(target)
            print(os.getcwd())
        elif name == "env":
            rest = rest.strip()
            if not rest:
                for key in sorted(os.environ):
                    print(f"{key}={os.environ[key]}")
            elif "=" in rest:
                key, value = rest.split("=", 1)
                os.environ[key.strip()] = self.expand(value.strip())
            elif " " in rest:
                key, value = rest.split(None, 1)
                os.environ[key] = self.expand(value.strip())
            else:
                print(os.environ.get(rest, ""))
        elif name in ("pip", "conda"):
            program = [sys.executable, "-m", "pip"] if name == "pip" else ["conda"]
            self.shell(" ".join(program) + " " + rest)
        elif name == "matplotlib":
            os.environ["MPLBACKEND"] = "Agg"
        elif name in ("load_ext", "autoreload", "config", "reload_ext", "aimport"):
            pass  # interactive conveniences with no meaning here
        else:
            print(f"trainbench: %{name} is not supported outside Jupyter; skipped",
                  file=sys.stderr)

    def clock(self):
        return time.perf_counter()

    def report_time(self, started):
        print(f"Wall time: {time.perf_counter() - started:.3f} s")


MAGIC = re.compile(r"^(\s*)%([A-Za-z_][A-Za-z0-9_]*)\s?(.*)$")
SHELL = re.compile(r"^(\s*)!(.*)$")
SHELL_ASSIGN = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*!(.*)$")


def rewrite_line(line):
    """One line of IPython syntax as one line of Python (so line numbers stay the cell's)."""
    match = SHELL_ASSIGN.match(line)
    if match:
        indent, target, command = match.groups()
        return f"{indent}{target} = __tb.shell({command!r}, True, locals())"
    match = SHELL.match(line)
    if match:
        indent, command = match.groups()
        return f"{indent}__tb.shell({command!r}, False, locals())"
    match = MAGIC.match(line)
    if match:
        indent, name, rest = match.groups()
        if name == "time" and rest.strip():
            return f"{indent}__tb_t0 = __tb.clock(); {rest}; __tb.report_time(__tb_t0)"
        return f"{indent}__tb.magic({name!r}, {rest!r})"
    return line


def cell_text(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def save_figures(count):
    """Open matplotlib figures become PNG outputs (and files in figures/), then close."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return
    for number in pyplot.get_fignums():
        figure = pyplot.figure(number)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        png = buffer.getvalue()
        folder = os.path.join(RUN_DIR, "figures")
        os.makedirs(folder, exist_ok=True)
        name = f"cell-{count:03d}-{number}.png"
        with open(os.path.join(folder, name), "wb") as out:
            out.write(png)
        RECORDER.data("display_data", {"image/png": base64.b64encode(png).decode("ascii"),
                                       "text/plain": f"<Figure: figures/{name}>"})
        print(f"[figure saved as figures/{name}]", file=sys.__stdout__, flush=True)
    pyplot.close("all")


def run_code(source, filename, namespace, count):
    lines = [rewrite_line(line) for line in source.split("\n")]
    code = "\n".join(lines)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = ast.parse(code, filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), namespace)
    if last is not None:
        value = eval(compile(last, filename, "eval"), namespace)
        if value is not None:
            namespace["_"] = value
            print(repr(value))
            RECORDER.data("execute_result", rich_data(value), count)


def run_cell(cell, namespace, count):
    source = cell_text(cell)
    filename = f"<cell {count}>"
    first, _, body = source.partition("\n")
    magic = first.strip()
    if magic.startswith("%%"):
        name, _, args = magic[2:].partition(" ")
        if name in ("bash", "sh", "script"):
            shell = "bash" if name != "sh" else "sh"
            if name == "script":
                shell = args.strip() or "sh"
            namespace["__tb"].shell(f"{shell} <<'__TB_CELL__'\n{body}\n__TB_CELL__")
        elif name == "time":
            started = time.perf_counter()
            run_code(body, filename, namespace, count)
            print(f"Wall time: {time.perf_counter() - started:.3f} s")
        elif name == "capture":
            RECORDER.quiet = True
            try:
                run_code(body, filename, namespace, count)
            finally:
                RECORDER.quiet = False
        elif name == "writefile":
            words = args.split()
            append = "-a" in words
            target = [w for w in words if w != "-a"]
            if not target:
                raise ValueError("%%writefile needs a file name")
            with open(os.path.expanduser(target[0]), "a" if append else "w") as out:
                out.write(body if body.endswith("\n") else body + "\n")
            print(("Appending to " if append else "Writing ") + target[0])
        else:
            raise NotImplementedError(f"the cell magic %%{name} is not supported outside Jupyter")
    else:
        run_code(source, filename, namespace, count)
    save_figures(count)


def colab_stand_ins():
    """google.colab does not exist on a box: its calls stop with what to do instead."""
    try:
        import google.colab  # noqa: F401  (the real one, should it exist)
        return
    except Exception:
        pass

    def refuse(what, instead):
        def call(*args, **kwargs):
            raise RuntimeError(f"{what} only works in Colab; {instead}")
        return call

    colab = types.ModuleType("google.colab")
    drive = types.ModuleType("google.colab.drive")
    drive.mount = refuse(
        "google.colab.drive.mount",
        "on this machine keep data on its own disk (on AutoDL /root/autodl-tmp), send it with "
        "`trainbench upload HOST LOCAL REMOTE` and read it from that path")
    files = types.ModuleType("google.colab.files")
    files.upload = refuse("google.colab.files.upload",
                          "send files with `trainbench upload HOST LOCAL REMOTE` before the run")
    files.download = refuse("google.colab.files.download",
                            "write the file into $TRAINBENCH_RUN_DIR and fetch it with "
                            "`trainbench download`")
    colab.drive = drive
    colab.files = files
    try:
        import google  # noqa: F401
    except Exception:
        sys.modules["google"] = types.ModuleType("google")
    sys.modules["google"].colab = colab
    sys.modules["google.colab"] = colab
    sys.modules["google.colab.drive"] = drive
    sys.modules["google.colab.files"] = files


def write_json_atomic(path, value):
    temporary = os.path.join(os.path.dirname(path) or ".",
                             "." + os.path.basename(path) + f".tmp-{os.getpid()}")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, indent=1)
        out.write("\n")
    os.replace(temporary, path)


def report_end(state, message, code):
    """status.json says how the notebook ended; the wrapper keeps a final state it finds."""
    path = os.path.join(RUN_DIR, "status.json")
    if not os.environ.get("TRAINBENCH_RUN_DIR"):
        return
    try:
        with open(path, encoding="utf-8") as current:
            status = json.load(current)
    except Exception:
        status = {}
    now = time.time()
    status.update({"state": state, "message": message, "exit_code": code, "ended": now,
                   "updated": now})
    try:
        write_json_atomic(path, status)
    except OSError:
        pass


def main(argv):
    if len(argv) < 1 or argv[0] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    source_path = argv[0]
    out_path = os.path.join(RUN_DIR, "notebook.executed.ipynb")
    if len(argv) >= 3 and argv[1] == "--out":
        out_path = argv[2]
    with open(source_path, encoding="utf-8") as source:
        notebook = json.load(source)
    cells = notebook.get("cells", [])
    code_cells = [i for i, cell in enumerate(cells) if cell.get("cell_type") == "code"]
    for i in code_cells:
        cells[i]["outputs"] = []
        cells[i]["execution_count"] = None

    os.environ.setdefault("MPLBACKEND", "Agg")
    colab_stand_ins()
    namespace = {"__name__": "__main__", "display": display}
    namespace["__tb"] = Helpers(namespace)
    sys.stdout = Tee(sys.__stdout__, "stdout")
    sys.stderr = Tee(sys.__stderr__, "stderr")

    def on_term(signum, frame):
        raise Stopped()

    signal.signal(signal.SIGTERM, on_term)
    meta = notebook.setdefault("metadata", {}).setdefault("trainbench", {})
    meta.update({"run": os.path.basename(RUN_DIR), "started": time.time(), "state": "running"})
    total = len(code_cells)
    outcome = ("finished", f"ran {total} cells", 0)
    for number, i in enumerate(code_cells, 1):
        cell = cells[i]
        RECORDER.outputs = cell["outputs"]
        started = time.perf_counter()
        print(f"[trainbench] cell {number} of {total}", file=sys.__stdout__, flush=True)
        try:
            cell["execution_count"] = number
            run_cell(cell, namespace, number)
        except (Stopped, KeyboardInterrupt) as stop:
            code = 143 if isinstance(stop, Stopped) else 130
            RECORDER.stream("stderr", f"stopped in cell {number} of {total}\n")
            outcome = ("stopped", f"stopped in cell {number} of {total}", code)
        except SystemExit as leave:
            if leave.code in (None, 0):
                outcome = ("finished", f"cell {number} of {total} ended the notebook", 0)
            else:
                outcome = ("failed", f"cell {number} of {total} exited with {leave.code}", 1)
        except BaseException as error:  # the cell's own error: shown like Jupyter shows it
            lines = traceback.format_exception(type(error), error, error.__traceback__)
            # The runner's own frames are not the user's business.
            shown = [line for line in lines if "trainbench_notebook" not in line]
            RECORDER.outputs.append({"output_type": "error", "ename": type(error).__name__,
                                     "evalue": str(error), "traceback": shown})
            sys.__stderr__.write("".join(shown))
            outcome = ("failed",
                       f"cell {number} of {total} failed: {type(error).__name__}: {error}", 1)
        elapsed = time.perf_counter() - started
        cell.setdefault("metadata", {})["trainbench"] = {"seconds": round(elapsed, 3)}
        print(f"[trainbench] cell {number} of {total} took {elapsed:.1f} s",
              file=sys.__stdout__, flush=True)
        meta.update({"cells_run": number, "state": outcome[0] if outcome[0] != "finished"
                     or number == total else "running"})
        write_json_atomic(out_path, notebook)
        if outcome[0] != "finished" or "ended the notebook" in outcome[1]:
            break
    meta.update({"state": outcome[0], "ended": time.time(), "message": outcome[1]})
    write_json_atomic(out_path, notebook)
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    print(f"[trainbench] {outcome[1]}; executed copy: {out_path}", flush=True)
    if outcome[0] != "finished":
        report_end(outcome[0], outcome[1], outcome[2])
    return outcome[2]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
