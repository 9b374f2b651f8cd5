"""trainbench_log: metrics and checkpoints for Trainbench from your own training script.

Standard library only; copy this file next to your script or put its folder on PYTHONPATH.

    from trainbench_log import log, checkpoint

    for step in range(1, 1001):
        loss = train_one_step()
        log(step, train_loss=loss)                    # or log(step, {"train/loss": loss})
    checkpoint(step, lambda path: torch.save(state, path), epoch=3, metrics={"val/acc": acc})

Records go to $TRAINBENCH_RUN_DIR/metrics.jsonl (the run wrapper tb-wrap.sh sets it; without
it, the current folder). Each record is one JSON line written with a single append, so
Trainbench never sees half a line, not even from several processes at once. The format is
described in docs/RUN_FORMAT.md.

Under torchrun (or any launcher that sets RANK), only rank 0 writes: log() and checkpoint()
do nothing on the other ranks (checkpoint() returns None there without calling save), so a
run of N processes records one set of metrics and checkpoints. Log global values (e.g. a loss
all-reduced over the ranks) from rank 0, or from every rank: only rank 0's reach the run.
"""

import hashlib
import json
import math
import os
import time

__all__ = ["log", "checkpoint", "run_dir"]


def run_dir():
    """The run directory: $TRAINBENCH_RUN_DIR, else the current folder."""
    return os.environ.get("TRAINBENCH_RUN_DIR") or "."


def _is_writer():
    """Rank 0, or a process no launcher gave a rank."""
    rank = os.environ.get("RANK", "0").strip() or "0"
    return rank == "0"


def _number(name, value):
    if hasattr(value, "item"):  # a torch tensor or numpy scalar with one element
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise TypeError("trainbench_log: metric %r is %r, not a number" % (name, value))
    value = float(value)
    return value if math.isfinite(value) else None  # NaN and inf are not JSON: a gap


def _append(path, line):
    data = line.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        written = os.write(fd, data)
        while written < len(data):  # only when the kernel cuts a write short
            written += os.write(fd, data[written:])
    finally:
        os.close(fd)


def log(step, values=None, epoch=None, **metrics):
    """Appends one record: log(100, train_loss=0.3) or log(100, {"val/acc": 0.9}, epoch=2)."""
    record = {"step": int(step)}
    if epoch is not None:
        record["epoch"] = int(epoch)
    record["time"] = time.time()
    merged = dict(values or {})
    merged.update(metrics)
    for name, value in merged.items():
        if name in ("step", "epoch", "time"):
            raise ValueError("trainbench_log: %r is set by log() itself" % name)
        record[str(name)] = _number(name, value)
    if not _is_writer():
        return record
    line = json.dumps(record, separators=(",", ":"), allow_nan=False) + "\n"
    _append(os.path.join(run_dir(), "metrics.jsonl"), line)
    return record


def _replace(path, data):
    """Atomic replace: a hidden temp in the same folder, fsync, rename, fsync the folder."""
    folder = os.path.dirname(path)
    tmp = os.path.join(folder, ".%s.tmp-%d" % (os.path.basename(path), os.getpid()))
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _sync_folder(folder)


def _sync_folder(folder):
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checkpoint(step, save, epoch=0, metrics=None):
    """Saves a checkpoint the way Trainbench lists it and returns its path (None off rank 0).

    save(path) writes the file (e.g. lambda p: torch.save(state, p)); it gets a temporary
    name, which becomes checkpoints/ckpt-eEEEE-sSSSSSSS.pt only once complete. Then come the
    sidecar .json (epoch, step, metrics, size, sha256) and latest.json, in that order.
    """
    if not _is_writer():
        return None
    folder = os.path.join(run_dir(), "checkpoints")
    os.makedirs(folder, exist_ok=True)
    stem = "ckpt-e%04d-s%07d" % (int(epoch), int(step))
    path = os.path.join(folder, stem + ".pt")
    tmp = os.path.join(folder, ".%s.pt.tmp-%d" % (stem, os.getpid()))
    save(tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    config = os.path.join(run_dir(), "config.resolved")
    sidecar = {
        "epoch": int(epoch),
        "step": int(step),
        "time": time.time(),
        "metrics": {str(k): _number(k, v) for k, v in (metrics or {}).items()},
        "config_sha256": _sha256(config) if os.path.exists(config) else "",
        "bytes": os.path.getsize(path),
        "sha256": _sha256(path),
    }
    _replace(os.path.join(folder, stem + ".json"),
             (json.dumps(sidecar, separators=(",", ":"), allow_nan=False) + "\n").encode())
    latest = {"checkpoint": stem + ".pt", "epoch": int(epoch), "step": int(step)}
    _replace(os.path.join(folder, "latest.json"),
             (json.dumps(latest, separators=(",", ":")) + "\n").encode())
    return path
