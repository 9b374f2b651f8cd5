# What preparing the trainer needs to know about this box, one key=value a line.
# $1: the host's python (may be empty), $2: cmake, $3: the C++ compiler.
# The launcher decides which versions are new enough; this only reports what is there.
py=$1 cmake_tool=$2 cxx_tool=$3
echo "home=$HOME"
echo "nproc=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)"
echo "uid=$(id -u)"
command -v sudo >/dev/null 2>&1 && echo "sudo=yes"
if [ -r /etc/os-release ]; then
  . /etc/os-release
  echo "os_id=$ID"
  echo "os_like=$ID_LIKE"
  echo "os_name=$PRETTY_NAME"
fi
for pm in apt-get dnf yum zypper pacman apk; do
  if command -v $pm >/dev/null 2>&1; then echo "package_manager=$pm"; break; fi
done
found=$(command -v "$cmake_tool" 2>/dev/null) && echo "cmake=$found"
found=$(command -v "$cxx_tool" 2>/dev/null) && echo "cxx=$found"
found=$(command -v make 2>/dev/null) && echo "make=$found"
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 120"

# Python with torch: a non-interactive shell does not run conda's init, so conda pythons are
# looked for where installers put them, not only on PATH.
torch_python= torch_out=
for candidate in "$py" python3 python /opt/conda/bin/python "$HOME/miniconda3/bin/python" \
    "$HOME/anaconda3/bin/python" "$HOME/miniforge3/bin/python" /root/miniconda3/bin/python \
    /opt/conda/envs/*/bin/python "$HOME"/miniconda3/envs/*/bin/python \
    "$HOME"/anaconda3/envs/*/bin/python; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
  out=$($limit "$candidate" -c '
import os, torch
d = os.path.join(torch.utils.cmake_prefix_path, "Torch")
print("version=" + torch.__version__)
print("abi=" + str(int(torch._C._GLIBCXX_USE_CXX11_ABI)))
print("cmake=" + (d if os.path.isfile(os.path.join(d, "TorchConfig.cmake")) else ""))
' 2>/dev/null) || continue
  torch_python=$(command -v "$candidate")
  torch_out=$out
  break
done
if [ -n "$torch_python" ]; then
  echo "$torch_out" | sed 's/^/python_torch_/'
  echo "python_with_torch=$torch_python"
fi
if ! echo "$torch_out" | grep -q '^cmake=.'; then
  for d in /usr/lib/*/cmake/Torch /usr/local/lib/cmake/Torch /usr/share/cmake/Torch \
           /opt/libtorch/share/cmake/Torch /usr/local/libtorch/share/cmake/Torch; do
    [ -f "$d/TorchConfig.cmake" ] || continue
    d=$(cd "$d" && pwd -P)  # the real folder, not one reached through a link
    echo "system_torch_cmake=$d"
    version=$(sed -n 's/.*set(PACKAGE_VERSION "\([^"]*\)").*/\1/p' "$d/TorchConfigVersion.cmake" 2>/dev/null)
    echo "system_torch_version=$version"
    abi=$(sed -n 's/.*_GLIBCXX_USE_CXX11_ABI=\([01]\).*/\1/p' "$d/TorchConfig.cmake" | head -n 1)
    echo "system_torch_abi=$abi"
    break
  done
fi

# Every cmake and C++ compiler worth trying, in order of preference, with its version:
# "cmake_candidate=VERSION PATH" and "cxx_candidate=VERSION gcc|clang PATH". A cmake that
# `pip install cmake` put in ~/.local/bin or beside python counts, though PATH may lack it.
pydir=
[ -n "$torch_python" ] && pydir=$(dirname "$torch_python")
seen=' '
for candidate in "$cmake_tool" "$HOME/.local/bin/cmake" ${pydir:+"$pydir/cmake"} \
    /usr/local/bin/cmake /opt/conda/bin/cmake "$HOME/miniconda3/bin/cmake"; do
  found=$(command -v "$candidate" 2>/dev/null) || continue
  case "$seen" in *" $found "*) continue ;; esac
  seen="$seen$found "
  version=$("$found" --version 2>/dev/null | sed -n '1s/^cmake version \([0-9][0-9.]*\).*/\1/p')
  echo "cmake_candidate=${version:-?} $found"
done
for candidate in "$cxx_tool" g++-14 g++-13 g++-12 g++-11 g++-10 g++-9; do
  found=$(command -v "$candidate" 2>/dev/null) || continue
  case "$seen" in *" $found "*) continue ;; esac
  seen="$seen$found "
  if "$found" --version 2>/dev/null | head -n 1 | grep -qi clang; then
    version=$("$found" --version 2>/dev/null | sed -n '1s/.*clang version \([0-9][0-9.]*\).*/\1/p')
    echo "cxx_candidate=${version:-?} clang $found"
  else
    version=$("$found" -dumpfullversion -dumpversion 2>/dev/null)
    echo "cxx_candidate=${version:-?} gcc $found"
  fi
done

# What a fix could use: a python with pip, and conda.
for candidate in "$torch_python" python3 python; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
  if $limit "$candidate" -m pip --version >/dev/null 2>&1; then
    echo "pip_python=$(command -v "$candidate")"
    break
  fi
done
for candidate in conda ${pydir:+"$pydir/conda"} /opt/conda/bin/conda "$HOME/miniconda3/bin/conda" \
    "$HOME/anaconda3/bin/conda"; do
  found=$(command -v "$candidate" 2>/dev/null) || continue
  echo "conda=$found"
  break
done
exit 0
