#!/bin/sh
# report_render.sh - renders the report.html of a solve, a compare and a sweep
# of the example in headless Chromium (printed to PDF, read back as text with
# pdftotext) and checks that each page shows the numbers of its CSV files:
# every partner's and the system's total cost, agency spend, fill rate and
# required hours from summary.csv; the system and silo costs from
# compare.csv; the cost of every point from sweep.csv.
#   sh report_render.sh MUSTER EXAMPLE_DIR WORK_DIR
set -eu
muster=$1
example=$2
work=$3

fail() {
	echo "report_render: $*" >&2
	exit 1
}

command -v chromium >/dev/null || fail "chromium is not installed (sh scripts/bootstrap.sh)"
command -v pdftotext >/dev/null || fail "pdftotext is not installed (sh scripts/bootstrap.sh)"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# render DIR: DIR/report.html as the text a reader sees, in DIR/report.txt
render() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$work/chromium-profile" --print-to-pdf="$1/report.pdf" \
		"file://$work/$1/report.html" >/dev/null 2>&1 || fail "chromium could not render $1/report.html"
	pdftotext -layout "$1/report.pdf" "$1/report.txt"
	[ -s "$1/report.txt" ] || fail "$1/report.html rendered no text"
}

# expect DIR FILE: every line of FILE (a string) is on the rendered page
expect() {
	n=0
	while IFS= read -r want; do
		grep -qF -- "$want" "$1/report.txt" || fail "$1/report.html does not show '$want'"
		n=$((n + 1))
	done <"$2"
	[ "$n" -gt 0 ] || fail "nothing to look for in $2"
	echo "report_render: $1/report.html shows all $n figures"
}

# Pounds as the report writes them: £1,234.56
MONEY='function money(v,   s, i, n, out) {
	s = sprintf("%.2f", v < 0 ? -v : v); n = index(s, ".") - 1; out = ""
	for (i = 1; i <= n; i++) { out = out substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) out = out "," }
	return (v < -0.004 ? "-" : "") "£" out substr(s, n + 1)
}'

"$muster" solve "$example" --lp --out solve --db runs.db >/dev/null
render solve
# summary.csv: 3 required_hours, 10 fill_fraction, 18 total_cost, 19 agency_spend
awk -F, "$MONEY"'
NR > 1 {
	print money($18); print money($19); printf "%.0f\n", $3
	if ($10 != "") printf "%.2f%%\n", 100 * $10
}' solve/summary.csv >solve/expected.txt
expect solve solve/expected.txt

"$muster" compare "$example" --lp --out compare --db runs.db >/dev/null
render compare
awk -F, "$MONEY"'
$1 == "SYSTEM" && $3 == "total_cost" { print money($4); print money($5); print money($6) }
$1 == "SYSTEM" && $3 == "agency_spend" { print money($4); print money($5) }
' compare/compare.csv >compare/expected.txt
expect compare compare/expected.txt

"$muster" sweep "$example" --lp --vary agency_cap.rn_b5=25:45:5 --out sweep --db runs.db >/dev/null
render sweep
# sweep.csv: 1 the value, 4 objective, 15 agency_spend
awk -F, "$MONEY"'NR > 1 { print money($4); print money($15) }' sweep/sweep.csv >sweep/expected.txt
expect sweep sweep/expected.txt
