#!/bin/sh
# bootstrap.sh - installs the Debian packages muster needs that are missing,
# then configures and builds muster in build/. Idempotent: with everything
# installed and built, it only checks and returns in a second or two.
#   sh scripts/bootstrap.sh [extra cmake options]
set -eu
cd "$(dirname "$0")/.."

PACKAGES="build-essential cmake libglpk-dev libcsv-dev libsqlite3-dev libcmocka-dev
coinor-cbc coinor-clp clang-format chromium fonts-liberation poppler-utils"
# cpack -G DEB finds the package's Depends with dpkg-shlibdeps (dpkg-dev),
# which CPack calls only on the files that file(1) says are ELF.
PACKAGES="$PACKAGES dpkg-dev file"
# The fuzzing build (fuzz/, -DMUSTER_FUZZ=ON) needs clang, whose runtime
# brings libFuzzer; nothing else does.
case " $* " in
*" -DMUSTER_FUZZ=ON "*) PACKAGES="$PACKAGES clang" ;;
esac

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	echo "bootstrap: installing$missing" >&2
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		$missing >/dev/null
fi

BUILD_DIR=${BUILD_DIR:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet when all is well; the whole log when configuring or building fails.
if ! { cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" &&
	cmake --build "$BUILD_DIR" -j"$(nproc)"; } >"$log" 2>&1; then
	cat "$log" >&2
	echo "bootstrap: the build failed" >&2
	exit 1
fi
echo "bootstrap: muster built in $BUILD_DIR/" >&2
