# Builds trainbench-train in the cache dir $1 (src/ uploaded there) against the LibTorch whose
# TorchConfig.cmake is in $2, with $3 jobs, cmake $4, C++ compiler $5, python's ABI flag $6
# (empty: none known). The binary lands in $1/bin only once it has answered --version.
set -e
dir=$1 torch_dir=$2 jobs=$3 cmake_tool=$4 cxx=$5 abi=$6
cd "$dir"
echo "trainbench: configuring against $torch_dir"
"$cmake_tool" -S src -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" \
  -DTorch_DIR="$torch_dir" -DTB_EXPECTED_CXX11_ABI="$abi"
echo "trainbench: building with $jobs jobs"
"$cmake_tool" --build build --target trainbench-train -j "$jobs"
rm -rf bin.new
mkdir bin.new
cp build/bin/trainbench-train bin.new/
./bin.new/trainbench-train --version
rm -rf bin
mv bin.new bin
echo "trainbench: built $dir/bin/trainbench-train"
