# Sourced by scripts/testbox.sh: what a box's root file system gets before it starts: host keys,
# sshd settings, the login user, and the variants that make it like a rented image.

setup_root() {
  local name=$1 suite=$2 root=$3 user=$4
  shift 4
  [ "$suite" = bullseye ] && repair_bullseye_torch "$root"
  rm -f "$root"/etc/ssh/ssh_host_*
  chroot "$root" ssh-keygen -q -A
  cat >>"$root/etc/ssh/sshd_config" <<CONF

# testbox: keys only, no PAM (no logind or audit in a chroot), nothing resolved by DNS.
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
CONF
  echo "$name" >"$root/etc/hostname"
  local home=/root
  if [ "$user" != root ]; then
    chroot "$root" useradd -m -s /bin/bash "$user"
    home=/home/$user
  fi
  mkdir -p "$root$home/.ssh" "$root$home/autodl-tmp"
  cp "$(box_dir "$name")/id_ed25519.pub" "$root$home/.ssh/authorized_keys"
  chmod 700 "$root$home/.ssh"
  chmod 600 "$root$home/.ssh/authorized_keys"
  chroot "$root" chown -R "$user:" "$home/.ssh" "$home/autodl-tmp"
  local variant
  for variant in "$@"; do
    case $variant in
      user) ;;
      no-tmux) rm -f "$root/usr/bin/tmux" ;;
      conda) add_conda_python "$root" ;;
      full-disk) ;;  # made and mounted when the box starts
      turbo) printf '# testbox: what AutoDL images source for their proxy\nexport TB_NETWORK_TURBO=on\n' \
               >"$root/etc/network_turbo" ;;
      old-cmake) add_old_cmake "$root" ;;
      gcc9)  # only GCC 9 (bullseye): g++ is g++-9, as on Ubuntu 20.04
        [ -x "$root/usr/bin/g++-9" ] || die "variant gcc9 needs a root file system with g++-9 (bullseye)"
        rm -f "$root/usr/bin/g++-10" "$root/usr/bin/x86_64-linux-gnu-g++-10"
        ln -sf g++-9 "$root/usr/bin/g++" ;;
      *) die "unknown variant '$variant' (user, no-tmux, conda, full-disk, turbo, old-cmake, gcc9)" ;;
    esac
  done
}

# A python whose torch is visible only as /opt/conda/bin/python, as on images with conda torch:
# no conda on PATH for a non-interactive shell. Its torch module is a stand-in that points at the
# box's real LibTorch, which is what preparing needs (the trainer links LibTorch, not python).
add_conda_python() {
  local root=$1 site=$1/opt/conda/lib/tb-site
  mkdir -p "$root/opt/conda/bin" "$site/torch"
  printf '#!/bin/sh\nPYTHONPATH=/opt/conda/lib/tb-site exec /usr/bin/python3 "$@"\n' \
    >"$root/opt/conda/bin/python"
  chmod +x "$root/opt/conda/bin/python"
  local version torch_dir=/usr/lib/x86_64-linux-gnu/cmake/Torch
  version=$(sed -n 's/.*set(PACKAGE_VERSION "\([^"]*\)").*/\1/p' "$root$torch_dir/TorchConfigVersion.cmake")
  cat >"$site/torch/__init__.py" <<PY
# testbox stand-in for a conda torch: what preparing asks of torch, about the box's LibTorch.
__version__ = "$version"
class utils:
    cmake_prefix_path = "/usr/lib/x86_64-linux-gnu/cmake"
class _C:
    _GLIBCXX_USE_CXX11_ABI = True
class cuda:
    @staticmethod
    def is_available():
        return False
class version:
    cuda = None
PY
}

# A cmake first on PATH that reports 3.10.2 (Ubuntu 18.04's), in front of the box's real one.
add_old_cmake() {
  cat >"$1/usr/local/bin/cmake" <<'SH'
#!/bin/sh
# testbox: a CMake older than the trainer needs, as on Ubuntu 18.04.
if [ "$1" = --version ]; then echo "cmake version 3.10.2"; exit 0; fi
exec /usr/bin/cmake "$@"
SH
  chmod +x "$1/usr/local/bin/cmake"
}
