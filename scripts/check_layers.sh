#!/bin/sh
# check_layers.sh - checks that muster's dependencies point one way
# (STYLE.md, "Layout"), from top to bottom:
#     cli/ -> flows/ -> {io/, policies/} -> solver/ -> core/
# A file may use its own layer and any layer below; io/ and policies/ are
# peers and use neither the other. tests/, benchmarks/ and fuzz/ are exempt.
# Two checks, each failing with the files named:
#   includes  every #include "..." of a .c or .h file in a layer's folder;
#             a header that ends in _int.h is private to its own folder
#   calls     the object files of the built libraries (BUILD/libmu_*.a),
#             read with nm: each undefined symbol of one object joined to the
#             object that defines it gives who calls whom. A call up a layer
#             fails, and so does a cycle of objects (two files that call each
#             other, or a longer ring): a cycle has no lower file to put the
#             shared piece in, which is what the fix is.
# Uses only sh, awk and nm (python is not on every CI machine).
#   sh scripts/check_layers.sh BUILD_DIR [SOURCE_DIR]
# SOURCE_DIR is the folder above this script's unless given. Exit 0: clean;
# 1: a violation (each printed on stderr); 2: usage, or nothing to check.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: sh check_layers.sh BUILD_DIR [SOURCE_DIR]" >&2
	exit 2
fi
build=$1
src=${2:-$(dirname "$0")/..}

# The layers, top first: folder, rank (higher is above). Equal ranks are
# peers. flows/ may not exist yet; a missing folder has nothing to check.
LAYERS="cli 4
flows 3
io 2
policies 2
solver 1
core 0"
# Each library's layer (libmu_NAME.a). A new library needs a line here.
LIBRARIES="mu_cli cli
mu_flows flows
mu_io io
mu_policies policies
mu_solver solver
mu_core core"
# Layers that, though lower, a layer must not use: "USER USED", one a
# line. The solver is policies/' alone: io/ reads and writes core/'s typed
# plan, and the workflows and commands solve through policies/pol_solve.h.
BANNED="io solver
flows solver
cli solver"
# References that are not calls up: an object and the symbols (an awk
# regular expression) it may name without that counting as a call, one
# "OBJECT REGEX" a line, each a known debt with its way out beside it.
# None today (pol_build.c's table of policies was one, until the helpers
# the policies call moved to pol_build_terms.c).
EXEMPT=""

status=0

# --- includes -------------------------------------------------------------
files=$(cd "$src" && for d in cli flows io policies solver core; do
	[ -d "$d" ] && find "$d" -type f \( -name '*.c' -o -name '*.h' \)
done | sort)
if [ -z "$files" ]; then
	echo "check_layers: no source files under $src" >&2
	exit 2
fi
if ! (cd "$src" && printf '%s\n' "$files" | xargs grep -H -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' /dev/null) |
	awk -v layers="$LAYERS" -v banned="$BANNED" '
	BEGIN {
		n = split(layers, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			rank[f[1]] = f[2]
		}
		n = split(banned, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			ban[f[1], f[2]] = 1
		}
		bad = 0
	}
	{
		# file:line:#include "path"
		file = $0; sub(/:.*/, "", file)
		rest = substr($0, length(file) + 2)
		line = rest; sub(/:.*/, "", line)
		inc = rest; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
		dir = file; sub(/\/.*/, "", dir)
		while (inc ~ /^\.\.\//)
			sub(/^\.\.\//, "", inc)
		if (inc ~ /\//)
			to = inc
		else
			to = dir "/" inc
		tdir = to; sub(/\/.*/, "", tdir)
		if (!(tdir in rank))
			next # not a header of a layer (a generated or system file)
		base = to; sub(/.*\//, "", base)
		if (base ~ /_int\.h$/ && tdir != dir) {
			printf "layers: %s:%s: includes %s, private to %s/\n", file, line, to, tdir
			bad = 1
		}
		if (tdir == dir)
			next
		if ((dir SUBSEP tdir) in ban) {
			printf "layers: %s:%s: includes %s: %s/ uses nothing of %s/\n", file, line, to, dir, tdir
			bad = 1
		} else if (rank[tdir] > rank[dir]) {
			printf "layers: %s:%s: includes %s: %s/ is above %s/\n", file, line, to, tdir, dir
			bad = 1
		} else if (rank[tdir] == rank[dir]) {
			printf "layers: %s:%s: includes %s: %s/ and %s/ are peers and use neither the other\n", file, line, to, dir, tdir
			bad = 1
		}
	}
	END { exit bad }' >&2; then
	status=1
fi

# --- calls ----------------------------------------------------------------
libs=$(ls "$build"/libmu_*.a 2>/dev/null || true)
if [ -z "$libs" ]; then
	echo "check_layers: no libmu_*.a in $build: build muster first" >&2
	exit 2
fi
# nm -A: "LIB:MEMBER:ADDRESS TYPE NAME" when defined, "LIB:MEMBER: U NAME"
# when not; -g keeps only global symbols.
# shellcheck disable=SC2086 # the list is of paths without spaces
if ! nm -A -g $libs | awk -v layers="$LAYERS" -v libraries="$LIBRARIES" -v exempt="$EXEMPT" -v banned="$BANNED" '
	BEGIN {
		n = split(layers, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			rank[f[1]] = f[2]
		}
		n = split(banned, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			ban[f[1], f[2]] = 1
		}
		n = split(libraries, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			layer_of_lib[f[1]] = f[2]
		}
		n = split(exempt, l, "\n")
		for (i = 1; i <= n; i++) {
			split(l[i], f, " ")
			exempt_obj[f[1]] = f[2]
		}
		bad = 0
		n_obj = 0
	}
	NF >= 3 {
		k = split($1, p, ":")
		member = p[k - 1]
		lib = p[1]
		for (i = 2; i <= k - 2; i++)
			lib = lib ":" p[i]
		sub(/.*\//, "", lib); sub(/^lib/, "", lib); sub(/\.a$/, "", lib)
		if (!(lib in layer_of_lib)) {
			if (!(lib in told))
				printf "layers: lib%s.a has no layer: add it to LIBRARIES in scripts/check_layers.sh\n", lib
			told[lib] = 1
			bad = 1
			next
		}
		obj = layer_of_lib[lib] "/" member
		sub(/\.o$/, "", obj)
		if (!(obj in layer)) {
			layer[obj] = layer_of_lib[lib]
			objs[++n_obj] = obj
		}
		type = $(NF - 1); sym = $NF
		if (type == "U")
			need[obj, sym] = 1
		else if (type ~ /^[A-Z]$/ && type != "W" && type != "V") {
			# a symbol that two objects define (made by a
			# sanitizer, or weak) says nothing of who calls whom
			if (sym in defined && defined[sym] != obj)
				twice[sym] = 1
			defined[sym] = obj
		}
	}
	END {
		# the call graph: edge[a, b] when a needs a symbol b defines;
		# why[a, b] names the symbols
		for (key in need) {
			split(key, kv, SUBSEP)
			a = kv[1]; sym = kv[2]
			if (!(sym in defined) || sym in twice)
				continue # of a system library, or of no one object
			b = defined[sym]
			if (a == b)
				continue
			if (a in exempt_obj && sym ~ exempt_obj[a]) {
				known[a] = add_sorted(known[a], sym)
				continue
			}
			why[a, b] = add_sorted(why[a, b], sym)
			edge[a, b] = 1
		}
		# calls up a layer, or across to a peer
		for (key in edge) {
			split(key, kv, SUBSEP)
			a = kv[1]; b = kv[2]
			la = layer[a]; lb = layer[b]
			if (la == lb)
				continue
			if ((la SUBSEP lb) in ban) {
				msgs[++n_msg] = sprintf("layers: %s calls %s (%s): %s/ uses nothing of %s/", a, b, why[a, b], la, lb)
			} else if (rank[lb] > rank[la]) {
				msgs[++n_msg] = sprintf("layers: %s calls %s (%s): %s/ is above %s/", a, b, why[a, b], lb, la)
			} else if (rank[lb] == rank[la]) {
				msgs[++n_msg] = sprintf("layers: %s calls %s (%s): %s/ and %s/ are peers and use neither the other", a, b, why[a, b], la, lb)
			}
		}
		# two files that call each other
		for (key in edge) {
			split(key, kv, SUBSEP)
			a = kv[1]; b = kv[2]
			if (a < b && (b SUBSEP a) in edge)
				msgs[++n_msg] = sprintf("layers: %s and %s call each other: %s calls %s; %s calls %s", a, b, a, why[a, b], b, why[b, a])
		}
		# longer rings: reach[a, b] by closing the graph (Warshall; a
		# hundred objects is a million steps), then the objects that
		# reach each other, as groups, where no pair alone explains them
		for (key in edge)
			reach[key] = 1
		for (k = 1; k <= n_obj; k++)
			for (i = 1; i <= n_obj; i++) {
				if (!((objs[i] SUBSEP objs[k]) in reach))
					continue
				for (j = 1; j <= n_obj; j++)
					if ((objs[k] SUBSEP objs[j]) in reach)
						reach[objs[i], objs[j]] = 1
			}
		for (i = 1; i <= n_obj; i++) {
			a = objs[i]
			if (a in grouped)
				continue
			group = a; size = 1; n_pair = 0
			for (j = i + 1; j <= n_obj; j++) {
				b = objs[j]
				if ((a SUBSEP b) in reach && (b SUBSEP a) in reach) {
					grouped[b] = 1
					group = group " " b
					size++
				}
			}
			if (size > 2 || (size == 2 && !((a SUBSEP b2(group)) in edge && (b2(group) SUBSEP a) in edge)))
				msgs[++n_msg] = sprintf("layers: a ring of %d files that call each other round: %s", size, group)
		}
		for (i = 1; i <= n_msg; i++)
			print msgs[i] | "sort"
		close("sort")
		for (a in known)
			printf "layers: note: %s names %s: known, not counted (EXEMPT)\n", a, known[a]
		exit bad || n_msg > 0
	}
	# list (names joined by ", ", in order) with name added
	function add_sorted(list, name,    n, v, i, out) {
		if (list == "")
			return name
		n = split(list, v, ", ")
		out = ""
		for (i = 1; i <= n; i++) {
			if (name != "" && name < v[i]) {
				out = out (out == "" ? "" : ", ") name
				name = ""
			}
			out = out (out == "" ? "" : ", ") v[i]
		}
		if (name != "")
			out = out ", " name
		return out
	}
	# the second file of a group of two
	function b2(group,    g) {
		split(group, g, " ")
		return g[2]
	}' >&2; then
	status=1
fi

if [ "$status" -ne 0 ]; then
	echo "check_layers: dependencies must point down: cli -> flows -> {io, policies} -> solver -> core (STYLE.md)" >&2
	echo "check_layers: move the shared piece down into the lower file, or into a small file both use" >&2
fi
exit "$status"
