#!/bin/sh
# report_render.sh - renders the report.html of a solve, a compare and a sweep
# of the example in headless Chromium (printed to PDF, read back as text with
# pdftotext) and checks that each page shows the numbers of its CSV files:
# every partner's and the system's spend plus penalty weights (total_cost),
# agency spend, fill rate and required hours from summary.csv; the system
# and silo objectives from compare.csv; the spend and penalties of every
# point from sweep.csv; each weight with no pound sign before it (issue 24).
# Then lays each page out
# (and a partner's page, and a two-way grid sweep) and measures its charts:
# no text outside its SVG, no two texts overlapping, no text over a plot
# area (the legends go outside). report.html has no script, so the measuring
# script runs in a copy, DIR/layout.html; DIR/report.png is a screenshot to
# look at. Each page kind (a solve's in plan and rota mode, a partner's, a
# compare's, a sweep's, a shares', a recruit's, a solve's with supply curves
# and its section on bank rates, a two-stage plan's) names the scenario's hash
# and its first and last day in its header, prints on A4 landscape with every day of
# the horizon where it has a rota grid, and at 390 px (a phone) nothing is
# wider than the screen outside a table's own scrolling box.
# A forecast's page (DESIGN.md §3e), when FORECAST (test_io_forecast) is
# given: it writes the --out folder of a generated forecast of the example
# (muster forecast is not yet a command), and the page is checked the same
# way, with a chart per partner and role and a backtest row per series.
#   sh report_render.sh MUSTER EXAMPLE_DIR WORK_DIR [FORECAST]
set -eu
# As every test program (tests/test_util.h): with MUSTER_TEST_FILTER set, it
# runs only when that glob matches its name, and else exits 77 (skipped).
if [ -n "${MUSTER_TEST_FILTER:-}" ]; then
	case report_render in
	$MUSTER_TEST_FILTER) ;;
	*)
		echo "report_render: MUSTER_TEST_FILTER '$MUSTER_TEST_FILTER' does not match it: skipped" >&2
		exit 77
		;;
	esac
fi
muster=$1
example=$2
work=$3
forecast=${4:-}

fail() {
	echo "report_render: $*" >&2
	exit 1
}

command -v chromium >/dev/null || fail "chromium is not installed (sh scripts/bootstrap.sh)"
command -v pdfinfo >/dev/null || fail "pdfinfo is not installed (sh scripts/bootstrap.sh)"
command -v pdftotext >/dev/null || fail "pdftotext is not installed (sh scripts/bootstrap.sh)"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# Chromium is given 600 s a page (a few seconds on an idle machine): a guard
# against a hang, not a verdict on speed. The layout's own time is virtual
# (--virtual-time-budget), the same whatever the load.
# render DIR: DIR/report.html as the text a reader sees, in DIR/report.txt
render() {
	timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$work/chromium-profile" --print-to-pdf="$1/report.pdf" \
		"file://$work/$1/report.html" >/dev/null 2>&1 || fail "chromium could not render $1/report.html"
	pdftotext -layout "$1/report.pdf" "$1/report.txt"
	[ -s "$1/report.txt" ] || fail "$1/report.html rendered no text"
}

# The measuring script: a text's box is its rendered glyphs' box (rotated
# labels included), 1 px of touching allowed; its verdict is one line,
# "LAYOUT OK ..." or "LAYOUT BAD ...", then one line per fault.
LAYOUT_JS='<script>
(function () {
	function overlap(a, b, tol) {
		return a.left + tol < b.right && b.left + tol < a.right &&
			a.top + tol < b.bottom && b.top + tol < a.bottom;
	}
	function said(t) {
		var c = t.cloneNode(true), k = c.querySelector("title");
		if (k) c.removeChild(k);
		return "\"" + c.textContent + "\"";
	}
	var bad = [], n = 0, svgs = document.querySelectorAll("svg");
	svgs.forEach(function (svg) {
		var box = svg.getBoundingClientRect(), name = svg.getAttribute("aria-label");
		var texts = [].slice.call(svg.querySelectorAll("text")).filter(function (t) {
			return t.getBBox().width > 0;
		});
		var plots = [].slice.call(svg.querySelectorAll(".plot")).map(function (p) {
			return p.getBoundingClientRect();
		});
		var boxes = texts.map(function (t) { return t.getBoundingClientRect(); });
		boxes.forEach(function (b, i) {
			var what = name + ": " + said(texts[i]), j;
			n++;
			if (b.left < box.left - 0.5 || b.right > box.right + 0.5 ||
			    b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5)
				bad.push(what + " is outside its chart");
			for (j = 0; j < i; j++)
				if (overlap(b, boxes[j], 1))
					bad.push(what + " overlaps " + said(texts[j]));
			plots.forEach(function (p) {
				if (overlap(b, p, 1))
					bad.push(what + " is over a plot area");
			});
		});
	});
	var out = document.createElement("pre");
	out.id = "layout";
	out.textContent = "LAYOUT " + (bad.length ? "BAD" : "OK") + " " + svgs.length +
		" charts, " + n + " texts\n" + bad.join("\n");
	document.body.appendChild(out);
})();
</script>'

# layout DIR [PAGE]: measures DIR/PAGE (report.html) as above; fails on any
# fault, listing them; screenshots the page into DIR/report.png
layout() {
	page=${2:-report.html}
	[ -n "$(awk '/<svg/' "$1/$page")" ] || fail "$1/$page has no chart to measure"
	{
		sed 's#</body></html>##' "$1/$page"
		printf '%s\n</body></html>\n' "$LAYOUT_JS"
	} >"$1/layout.html"
	timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$work/chromium-profile" --virtual-time-budget=5000 --dump-dom \
		"file://$work/$1/layout.html" >"$1/layout.dom" 2>/dev/null ||
		fail "chromium could not lay out $1/$page"
	sed -n '/<pre id="layout">/,/<\/pre>/p' "$1/layout.dom" |
		sed 's/.*<pre id="layout">//; s/<\/pre>.*//' >"$1/layout.txt"
	grep -q '^LAYOUT OK' "$1/layout.txt" || {
		cat "$1/layout.txt" >&2
		fail "$1/$page: charts' text overlaps or runs outside its chart"
	}
	timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$work/chromium-profile" --screenshot="$work/$1/report.png" \
		--window-size=1100,3000 "file://$work/$1/$page" >/dev/null 2>&1 ||
		fail "chromium could not screenshot $1/$page"
	echo "report_render: $1/$page: $(head -n 1 "$1/layout.txt")"
}

# The phone's measuring script: every element of the page within the
# screen's width or inside a box that scrolls (a table) or clips; its verdict
# is "PHONE OK ..." or "PHONE BAD ..." and the first faults, posted to the
# frame that holds the page (headless Chromium's window is never narrower
# than 500 px, an iframe is: 390 px, a phone).
PHONE_JS='<script>
(function () {
	var w = document.documentElement.clientWidth, bad = [], n = 0;
	function scrolls(e) {
		for (e = e.parentElement; e && e !== document.body; e = e.parentElement) {
			var o = getComputedStyle(e).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden") return true;
		}
		return false;
	}
	document.querySelectorAll("body *").forEach(function (e) {
		var r = e.getBoundingClientRect();
		n++;
		if ((r.right > w + 0.5 || r.left < -0.5) && !scrolls(e))
			bad.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") +
				" from " + Math.round(r.left) + " to " + Math.round(r.right) + " px");
	});
	if (document.documentElement.scrollWidth > w)
		bad.unshift("the page is " + document.documentElement.scrollWidth + " px wide");
	parent.postMessage("PHONE " + (bad.length ? "BAD" : "OK") + " " + w + " px, " + n +
		" elements\n" + bad.slice(0, 20).join("\n"), "*");
})();
</script>'
PHONE_FRAME='<!DOCTYPE html><html><body><pre id="phone">PHONE NOT MEASURED</pre>
<script>addEventListener("message", function (e) {
	document.getElementById("phone").textContent = e.data;
});</script>
<iframe src="phone.html" style="width:390px;height:2000px;border:0"></iframe>
</body></html>'

# phone DIR [PAGE]: DIR/PAGE (report.html) in a 390 px frame: fails when any
# element is wider than the screen outside a box that scrolls
phone() {
	page=${2:-report.html}
	{
		sed 's#</body></html>##' "$1/$page"
		printf '%s\n</body></html>\n' "$PHONE_JS"
	} >"$1/phone.html"
	printf '%s\n' "$PHONE_FRAME" >"$1/phone-frame.html"
	timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$work/chromium-profile" --virtual-time-budget=5000 --dump-dom \
		"file://$work/$1/phone-frame.html" >"$1/phone.dom" 2>/dev/null ||
		fail "chromium could not lay out $1/$page at 390 px"
	sed -n '/<pre id="phone">/,/<\/pre>/p' "$1/phone.dom" |
		sed 's/.*<pre id="phone">//; s/<\/pre>.*//' >"$1/phone.txt"
	grep -q '^PHONE OK' "$1/phone.txt" || {
		cat "$1/phone.txt" >&2
		fail "$1/$page: wider than a phone's screen (390 px)"
	}
	echo "report_render: $1/$page: $(head -n 1 "$1/phone.txt")"
}

# paper DIR [DAYS]: DIR/report.pdf is A4 landscape and, when DAYS (a
# scenario's shifts.csv) is given, its text names every day of its horizon
# as the rota grid heads them ("Sun 6 Dec"), so no day is cut off the page
paper() {
	pdfinfo "$1/report.pdf" | grep -q '^Page size: *841\.[0-9]* x 59[45]\.[0-9]* pts' ||
		fail "$1/report.pdf is not A4 landscape: $(pdfinfo "$1/report.pdf" | grep '^Page size')"
	[ -n "${2:-}" ] || return 0
	tr -s ' ' <"$1/report.txt" >"$1/report.squeezed"
	n=0
	for day in $(awk -F, 'NR > 1 { print $2 }' "$2" | sort -u); do
		want=$(date -u -d "$day" '+%a %-d %b')
		grep -qF -- "$want" "$1/report.squeezed" || fail "$1/report.pdf does not show the day '$want'"
		n=$((n + 1))
	done
	echo "report_render: $1/report.pdf: A4 landscape, all $n days"
}

# header DIR: DIR/report.html's header names the scenario's hash and the
# first and last day of the example's shifts.csv
header() {
	grep -qE 'SHA-256 <span class="hash">[0-9a-f]{64}</span>' "$1/report.html" ||
		fail "$1/report.html: the header names no scenario hash"
	first=$(awk -F, 'NR > 1 { print $2 }' "$example/shifts.csv" | sort | head -n 1)
	last=$(awk -F, 'NR > 1 { print $2 }' "$example/shifts.csv" | sort | tail -n 1)
	want="shifts from $(date -u -d "$first" '+%a %e %b %Y') to $(date -u -d "$last" '+%a %e %b %Y')"
	grep -qF -- "$want" "$1/report.html" || fail "$1/report.html: the header does not say '$want'"
}

# expect DIR FILE: every line of FILE (a string) is on the rendered page;
# a line "!STRING" says STRING must not be (a weight in pounds, issue 24)
expect() {
	n=0
	while IFS= read -r want; do
		case $want in
		!*)
			grep -qF -- "${want#!}" "$1/report.txt" &&
				fail "$1/report.html shows '${want#!}' (a penalty weight as money)"
			;;
		*)
			grep -qF -- "$want" "$1/report.txt" || fail "$1/report.html does not show '$want'"
			;;
		esac
		n=$((n + 1))
	done <"$2"
	[ "$n" -gt 0 ] || fail "nothing to look for in $2"
	echo "report_render: $1/report.html shows all $n figures"
}

# Pounds as the report writes them: £1,234.56; weight(v, is_only): penalty
# weights and the objective (spend plus weights), "1,234.56" on the page,
# and with is_only (a figure that holds weights, so no cash figure is the
# same) never "£1,234.56" (issue 24): a second line for expect
MONEY='function money(v,   s, i, n, out) {
	s = sprintf("%.2f", v < 0 ? -v : v); n = index(s, ".") - 1; out = ""
	for (i = 1; i <= n; i++) { out = out substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) out = out "," }
	return (v < -0.004 ? "-" : "") "£" out substr(s, n + 1)
}
function weight(v, is_only,   w) {
	w = money(v); sub("£", "", w); sub("^-", "", w)
	return is_only ? w "\n!£" w : w
}'

"$muster" solve "$example" --lp --out solve --db runs.db >/dev/null
render solve
# summary.csv, its columns by name: required_hours, fill_fraction,
# total_cost plus recharge paid minus received (net cash plus penalty
# weights: no pound sign), agency_spend. The
# page's whole hours are rounded so that the partners add up to the system
# (issue 24): a partner's 4,605.5 h may show as 4,605 or 4,606, so only
# whole hours are checked
awk -F, "$MONEY"'
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	# each partner weighted figure, recharge in it as compare counts it
	# (issue 24: one definition): total_cost + recharge paid - received
	net = $col["total_cost"] + $col["recharge_out"] - $col["recharge_in"]
	print weight(net, $col["penalties"] >= 0.01); print money($col["agency_spend"])
	if ($col["required_hours"] == int($col["required_hours"]))
		printf "%.0f\n", $col["required_hours"]
	if ($col["fill_fraction"] != "") printf "%.2f%%\n", 100 * $col["fill_fraction"]
}' solve/summary.csv >solve/expected.txt
expect solve solve/expected.txt
layout solve
partner=$(ls solve/partners | head -n 1)
layout "solve/partners/$partner"
paper solve "$example/shifts.csv"
header solve
phone solve
phone "solve/partners/$partner"

# a rota: its grid, a week to a table, has every day on paper, on the
# system's page and a partner's
"$muster" solve "$example" --out rota --db runs.db >/dev/null
render rota
paper rota "$example/shifts.csv"
grep -q 'No bank worker works' rota/report.html && fail "rota: no rota grid to check"
render "rota/partners/$partner"
paper "rota/partners/$partner" "$example/shifts.csv"
phone rota

# supply curves (DESIGN.md §3d): a copy of the example whose band 5 nurses
# alone offer more at a higher rate (its supply.csv replaced, the other
# roles' bank_cap cleared), up to a bank_cap of £20.00; the page's
# section on bank rates shows the rate paid of every shift rates.csv says
# was enhanced, one advert per role and shift with extra staff (at most
# 30), prints on A4 landscape and fits a phone, on the system's page and a
# partner's
cp -R "$example" supply-scenario
printf 'role,elasticity,reference_rate,step\nrn_b5,1.5,16.5,0.05\n' >supply-scenario/supply.csv
awk -F, 'BEGIN { OFS = "," } NR > 1 { $4 = ($1 == "rn_b5" ? "20.00" : "") } { print }' \
	"$example/caps.csv" >supply-scenario/caps.csv
"$muster" solve supply-scenario --lp --out supply --db runs.db >/dev/null
[ -s supply/rates.csv ] || fail "supply: no rates.csv"
[ -s "supply/partners/$partner/rates.csv" ] || fail "supply: $partner has no rates.csv"
grep -q '<h2>Bank rates and extra staff</h2>' supply/report.html || fail "supply: no section on bank rates"
render supply
awk -F, "$MONEY"'
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
$col["enhanced"] == "yes" { print money($col["rate"]) "/h" }' supply/rates.csv >supply/expected.txt
expect supply supply/expected.txt
adverts=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["extra"] > 0.000001 { n++ } END { print (n > 30 ? 30 : n + 0) }' supply/rates.csv)
[ "$adverts" -gt 0 ] || fail "supply: no extra staff to advertise for"
[ "$(grep -c '^<li>Advertise ' supply/report.html)" -eq "$adverts" ] ||
	fail "supply/report.html does not advertise for each of rates.csv's $adverts rows with extra staff"
paper supply "$example/shifts.csv"
header supply
phone supply
phone "supply/partners/$partner"

"$muster" compare "$example" --lp --out compare --db runs.db >/dev/null
render compare
awk -F, "$MONEY"'
$1 == "SYSTEM" && $3 == "total_cost" { print weight($4, 1); print weight($5, 1); print weight($6, 1) }
$1 == "SYSTEM" && $3 == "agency_spend" { print money($4); print money($5) }
' compare/compare.csv >compare/expected.txt
expect compare compare/expected.txt
layout compare
paper compare "$example/shifts.csv"
header compare
phone compare

"$muster" sweep "$example" --lp --vary agency_cap.rn_b5=25:45:5 --out sweep --db runs.db >/dev/null
render sweep
# sweep.csv, its columns by name: spend and agency_spend in pounds,
# penalties as weights (no pound sign)
awk -F, "$MONEY"'
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	print money($col["spend"]); print money($col["agency_spend"])
	print weight($col["penalties"], $col["penalties"] >= 0.01)
}' sweep/sweep.csv >sweep/expected.txt
expect sweep sweep/expected.txt
layout sweep
paper sweep
header sweep
phone sweep

"$muster" shares "$example" --out shares >/dev/null
render shares
paper shares
header shares
layout shares
phone shares

"$muster" recruit "$example" --lp --out recruit --db runs.db >/dev/null
render recruit
paper recruit
header recruit
phone recruit
grep -q 'The search for the best posts: <b>optimal' recruit/report.html ||
	fail "recruit/report.html does not say the search's status"

# a two-stage plan (DESIGN.md §3e): three scenarios of the example's demand
# raised 5, 10 and 15%, measured on three raised 6, 10 and 14%. The page
# names the run and both files, shows the expected spend in pounds and the
# expected penalties as weights (never after a pound sign), and the value
# table and the risk table, worst first, at most 15 rows and "... and N
# more"; it prints on A4 landscape and fits a phone
draws() { # FILE STEP BASE: scenario k's required x (1 + BASE + STEP k)
	awk -F, -v step="$2" -v base="$3" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	{ row[NR] = $col["partner"] "," $col["role"] "," $col["shift"]; req[NR] = $col["required"] }
	END { print "scenario,partner,role,shift,required"
		for (k = 1; k <= 3; k++) for (r = 2; r <= NR; r++)
			printf "s%d,%s,%.1f\n", k, row[r], req[r] * (1 + base + step * k) }' \
		"$example/demand.csv" >"$1"
}
draws draws.csv 0.05 0
draws check.csv 0.04 0.02
"$muster" solve "$example" --lp --scenarios draws.csv --check-scenarios check.csv \
	--out twostage --db runs.db >twostage.txt
render twostage
grep -q '^  run [0-9]* recorded in runs.db' twostage.txt || fail "twostage: the run is not recorded"
grep -q "<p class=\"sub\">Run $(sed -n 's/^  run \([0-9]*\) recorded.*/\1/p' twostage.txt) " \
	twostage/report.html || fail "twostage/report.html does not name its run"
sed -n 's/^Expected cost .*: spend \(£[0-9,.]*\) (cash) and penalties \([0-9,.]*\) (weights.*/\1\n\2\n!£\2/p' \
	twostage.txt >twostage/expected.txt
printf '%s\n' 'Planned for 3 scenarios from draws.csv; measured on 3 other scenarios from' \
	'check.csv' 'What planning for the spread is worth' 'Demand rows at risk' \
	'percentage points' >>twostage/expected.txt
expect twostage twostage/expected.txt
n_risk=$(awk -F, 'NR > 1 && ($5 > 0 || $6 >= 0.005 || $7 > 0 || $8 >= 0.005)' twostage/risk.csv | wc -l)
[ "$n_risk" -gt 15 ] || fail "twostage: only $n_risk rows at risk, the table's limit is not tried"
[ "$(grep -c '^<tr><td>' twostage/report.html)" -eq $((15 + 3)) ] ||
	fail "twostage/report.html does not show 15 rows at risk and the 3 rows of the value"
grep -qF "and $((n_risk - 15)) more demand rows at risk" twostage/report.html ||
	fail "twostage/report.html does not say how many more rows risk.csv has"
paper twostage
header twostage
phone twostage

# a grid: one line per value of the second --vary, each told apart in the legend
"$muster" sweep "$example" --lp --vary agency_cap.rn_b5=25:35:5 \
	--vary staff.hospice.rn_b5=0:2:1 --out grid --db runs.db >/dev/null
layout grid
grep -q 'stroke-dasharray="[0-9,]*"' grid/report.html || fail "grid: the series have no dash patterns"
grep -q 'system agency budget' grid/report.html || fail "grid: the agency budget is not drawn"

# the forecast's page: every partner with a forecast headed, one backtest
# row per series of forecast.csv (partner, role, shift start, quantity),
# each chart laid out, on A4 landscape and a phone
if [ -n "$forecast" ]; then
	"$forecast" --write-example "$work/forecast" || fail "$forecast could not write its example"
	render forecast
	awk -F, 'NR == FNR { if (FNR > 1) name[$1] = $2; next }
	FNR > 1 && !seen[$1]++ { print name[$1] }' "$example/partners.csv" forecast/forecast.csv \
		>forecast/expected.txt
	expect forecast forecast/expected.txt
	series=$(awk -F, 'NR == FNR { if (FNR > 1) start[$1] = $3; next }
	FNR > 1 { key[$1 "," $2 "," start[$3] "," $4] = 1 }
	END { n = 0; for (k in key) n++; print n }' "$example/shifts.csv" forecast/forecast.csv)
	rows=$(grep -c '^<tr><td>[0-2][0-9]:[0-5][0-9]</td>' forecast/report.html)
	[ "$rows" -eq "$series" ] ||
		fail "forecast/report.html has $rows backtest rows for forecast.csv's $series series"
	grep -q "^<li>$series series forecast, " forecast/report.html ||
		fail "forecast/report.html does not say how many series it forecast ($series)"
	layout forecast
	paper forecast
	header forecast
	phone forecast
fi
