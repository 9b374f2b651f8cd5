"""For the tests that start Debian 12's torchrun (python3-torch 1.13 under Python 3.11): Python
3.11 no longer yields the zero member when iterating an IntFlag, so torch 1.13's
Std.from_str("0") returns None and torchrun fails before starting any process ("'NoneType'
object has no attribute 'get'"); torch 2.0 fixed it. The tests put this folder on PYTHONPATH;
on a torch without the fault nothing is changed."""
try:
    from torch.distributed.elastic.multiprocessing import api as _api

    _from_str = _api.Std.from_str
    if _from_str("0") is None:
        def _fixed(vm):
            value = _from_str(vm)
            if value is None:
                return _api.Std.NONE
            if isinstance(value, dict):
                return {k: (v if v is not None else _api.Std.NONE) for k, v in value.items()}
            return value

        _api.Std.from_str = staticmethod(_fixed)
except Exception:  # no torch here: nothing to fix
    pass
