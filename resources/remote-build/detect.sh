# What preparing the trainer needs to know about this box, one key=value a line.
# $1: the host's python (may be empty), $2: cmake, $3: the C++ compiler.
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
for candidate in "$py" python3 python /root/miniconda3/bin/python; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
  out=$($limit "$candidate" -c '
import os, torch
d = os.path.join(torch.utils.cmake_prefix_path, "Torch")
print("version=" + torch.__version__)
print("abi=" + str(int(torch._C._GLIBCXX_USE_CXX11_ABI)))
print("cmake=" + (d if os.path.isfile(os.path.join(d, "TorchConfig.cmake")) else ""))
' 2>/dev/null) || continue
  echo "$out" | sed 's/^/python_torch_/'
  echo "python_with_torch=$(command -v "$candidate")"
  echo "$out" | grep -q '^cmake=.' && exit 0
  break
done
for d in /usr/lib/*/cmake/Torch /usr/local/lib/cmake/Torch /usr/share/cmake/Torch \
         /opt/libtorch/share/cmake/Torch /usr/local/libtorch/share/cmake/Torch; do
  [ -f "$d/TorchConfig.cmake" ] || continue
  echo "system_torch_cmake=$d"
  version=$(sed -n 's/.*set(PACKAGE_VERSION "\([^"]*\)").*/\1/p' "$d/TorchConfigVersion.cmake" 2>/dev/null)
  echo "system_torch_version=$version"
  abi=$(sed -n 's/.*_GLIBCXX_USE_CXX11_ABI=\([01]\).*/\1/p' "$d/TorchConfig.cmake" | head -n 1)
  echo "system_torch_abi=$abi"
  exit 0
done
exit 0
