#!/bin/sh
# pack_scenario.sh - packs a scenario folder into one fuzz_scenario input:
# each file as a line "=== NAME" followed by its bytes.
#   sh fuzz/pack_scenario.sh FOLDER > OUT
set -eu
for f in "$1"/*; do
	[ -f "$f" ] || continue
	printf '=== %s\n' "$(basename "$f")"
	cat "$f"
done
