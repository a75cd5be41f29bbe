#!/usr/bin/env bash
# Fetches the SUNDIALS headers and static libraries the CVODE reference of `./mtorwb bench`
# compiles against, without installing anything system-wide: Debian's libsundials-dev
# package (and SuiteSparse's, for KLU) is downloaded and unpacked into a cache folder.
# No root needed. Usage: releng/sundials.sh [DIR]   (default ~/.cache/mtorwb/sundials)
set -euo pipefail
dest="${1:-$HOME/.cache/mtorwb/sundials}"
if [ -f "$dest/usr/include/cvode/cvode.h" ]; then
  echo "sundials: already in $dest"
  exit 0
fi
command -v gcc >/dev/null || echo "sundials: warning: gcc is not installed (apt-get install gcc); the reference needs it"
start=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fetch() { apt-get download libsundials-dev libsuitesparse-dev >/dev/null 2>download.log; }
if ! fetch; then
  # a fresh machine may have no package lists yet
  if [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null 2>&1 && fetch; then
    :
  else
    echo "sundials: apt-get download failed (run apt-get update first?):" >&2
    cat download.log >&2
    exit 1
  fi
fi
mkdir -p "$dest"
for deb in ./*.deb; do
  dpkg-deb -x "$deb" "$dest"
done
rm -rf "$dest/usr/share/doc" "$dest/usr/lib/x86_64-linux-gnu/cmake"
echo "sundials: unpacked $(ls ./*.deb | xargs -n1 basename | tr '\n' ' ')into $dest in $(( $(date +%s) - start )) s"
