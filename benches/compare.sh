#!/usr/bin/env bash
# seccheck side by side with ripgrep on generated corpora; writes BENCHMARKS.md.
#
#   benches/compare.sh [SIZE ...]          default: 256MiB 1GiB
#
# Environment:
#   BENCH_DIR   where generated corpora are kept between runs (default /tmp/seccheck-bench)
#   RUNS        timed runs of each command, alternating (default 5)
#   SEED        generator seed (default 7)
#   DEFECTS     findings in the rendering corpus (default 10000)
#   OUT         the report to write (default BENCHMARKS.md; "-" for stdout only)
#   SHAPES      generator shapes measured at each size (default "standard wide"; see
#               `seccheck-gen --help`: wide is twenty large documents and a long Section A)
#
# Needs ripgrep and GNU time: `sudo apt-get install ripgrep time` (hyperfine is optional:
# `sudo apt-get install hyperfine`). On macOS: `brew install ripgrep gnu-time` and set
# TIME=gtime.
#
# What it measures, for each size: the median wall time of a full `seccheck --format
# json CORPUS > /dev/null` and of `rg --count-matches REGEX FILES` over the same files,
# run alternately after one warm-up each (the corpus is in the page cache); peak resident
# memory of seccheck (`/usr/bin/time -v`). On the largest size: `--threads 1` against
# `--threads 2`. On the smallest, with DEFECTS planted defects: the human format against
# JSON of the same findings.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/seccheck-bench}
RUNS=${RUNS:-5}
SEED=${SEED:-7}
DEFECTS=${DEFECTS:-10000}
OUT=${OUT:-BENCHMARKS.md}
TIME=${TIME:-/usr/bin/time}
# shellcheck source=benches/lib.sh
. benches/lib.sh
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(256MiB 1GiB); fi
read -r -a SHAPE_LIST <<< "${SHAPES:-standard wide}"

if ! command -v rg >/dev/null; then
    echo "ripgrep (rg) is missing: sudo apt-get install ripgrep   (or: cargo install ripgrep)" >&2
    exit 2
fi
if ! "$TIME" -v true >/dev/null 2>&1; then
    echo "GNU time is missing at $TIME: sudo apt-get install time   (or set TIME=gtime)" >&2
    exit 2
fi

# The references seccheck extracts, as one regex: a head word and a designator, clause
# or number ("Section H8.16", "Appendix AC", "paragraph 3.2", "Condition 22", a
# placeholder "[TBC]"), or a bare clause with a dot ("H8.16").
# The regex used before, kept as a second, labelled column: its top-level branch
# `[A-Z][0-9]{1,2}…` has no literal prefix, which makes ripgrep 2.5–3× slower than it
# needs to be, so ratios against it flattered seccheck.
REGEX_OLD='(?:Sections?|Appendix|Appendices|Schedules?|[Pp]aragraphs?|[Cc]lauses?|Condition)[ \t]+(?:[A-Z]{1,2}[0-9]{0,2}(?:\.[0-9]{1,3})*|[0-9]{1,3}(?:\.[0-9]{1,3})*|\[)|[A-Z][0-9]{1,2}[A-Z]?\.[0-9]{1,3}'

cargo build --release --bins --features generator -q
SECCHECK=target/release/seccheck
GEN=target/release/seccheck-gen
mkdir -p "$BENCH_DIR"

# Generates a corpus once; a later run with the same size, seed and defects reuses it.
corpus() { # size defects [shape] -> path
    local shape=${3:-standard}
    local dir="$BENCH_DIR/$1-seed$SEED-defects$2"
    [ "$shape" = standard ] || dir="$dir-$shape"
    if [ ! -f "$dir/README.md" ]; then
        echo "generating $dir" >&2
        "$GEN" "$dir" --size "$1" --seed "$SEED" --defects "$2" --shape "$shape" --force >&2
    fi
    echo "$dir"
}

files() { # corpus -> the files seccheck reads, for rg
    echo "$1/document-log.csv $1/documents $1/releases $1/redlines"
}


peak_rss_mib() { # command... -> MiB
    "$TIME" -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}'
}

ratio() { echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./; s/^-\./-0./'; }
percent() { # signed: +5.0, -0.3
    echo "scale=1; ($1 - $2) * 100 / $3" | bc -l | sed 's/^\./0./; s/^-\./-0./; s/^\([0-9]\)/+\1/'
}
le() { [ "$(echo "${1#+} <= ${2#+}" | bc -l)" = 1 ]; }
status() { if le "$1" "$2"; then echo met; else echo "**not met**"; fi; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
rows=()
declare -A SEC RG BYTES RSS
for shape in "${SHAPE_LIST[@]}"; do
for size in "${SIZES[@]}"; do
    key="$shape $size"
    dir=$(corpus "$size" 0 "$shape")
    BYTES[$key]=$(du -sb "$dir" | cut -f1)
    sec_cmd="$SECCHECK --format json $dir"
    rg_cmd="rg --count-matches '$REGEX' $(files "$dir")"
    rg_old_cmd="rg --count-matches '$REGEX_OLD' $(files "$dir")"
    read -r s r sc rc < <(race "$sec_cmd" "$rg_cmd")
    read -r o _ oc _ < <(race "$rg_old_cmd" "$rg_cmd")
    SEC[$key]=$s
    RG[$key]=$r
    rss=$(peak_rss_mib $SECCHECK --format json "$dir")
    RSS[$key]=$rss
    refs=$(bash -c "$rg_cmd" | awk -F: '{n+=$NF} END {print n}')
    rows+=("| $shape $size | $((BYTES[$key] / 1048576)) MiB | $s s ($sc s) | $r s ($rc s) | $(ratio "$s" "$r")× | $o s ($oc s), $(ratio "$s" "$o")× | $rss MiB | $refs |")
    echo "$key: seccheck $s s, rg $r s, peak $rss MiB" >&2
done
done

first=${SIZES[0]}
last=${SIZES[${#SIZES[@]}-1]}
big=$(corpus "$last" 0)
# Each shape's rows of the targets: the ratio to rg at every size, and peak RSS at the largest.
shape_rows=()
for shape in "${SHAPE_LIST[@]}"; do
    for size in "${SIZES[@]}"; do
        k="$shape $size"
        shape_rows+=("| full check of $k ≤ 3× rg | $(ratio "${SEC[$k]}" "${RG[$k]}")× | $(status "$(ratio "${SEC[$k]}" "${RG[$k]}")" 3) |")
    done
    shape_rows+=("| peak RSS ≤ 512 MiB on $shape $last | ${RSS[$shape $last]} MiB | $(status "${RSS[$shape $last]}" 512) |")
done
read -r t1 t2 c1 c2 < <(race "$SECCHECK --format json --threads 1 $big" "$SECCHECK --format json --threads 2 $big")
busy=$(ratio "$c2" "$t2")
speedup=$(ratio "$t1" "$t2")
scaling=$(ratio "${SEC[standard $last]}" "${SEC[standard $first]}")
size_ratio=$(ratio "${BYTES[standard $last]}" "${BYTES[standard $first]}")
echo "threads: 1 = $t1 s, 2 = $t2 s" >&2

clean=$(corpus "$first" 0)
noisy=$(corpus "$first" "$DEFECTS")
found=$({ "$SECCHECK" --format json "$noisy" || true; } | grep -o '"code"' | wc -l)
read -r quiet loud _ _ < <(race "$SECCHECK --color never $clean" "$SECCHECK --color never $noisy")
render=$(percent "$loud" "$quiet" "$quiet")
# The same findings as JSON: what the human format itself costs.
read -r as_json as_human _ _ < <(race "$SECCHECK --format json $noisy" "$SECCHECK --color never $noisy")
render_only=$(percent "$as_human" "$as_json" "$as_json")
echo "rendering: none $quiet s, $found findings $loud s ($render%); JSON $as_json s vs human $as_human s" >&2

machine="$(uname -srm); $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'); $(nproc) cores; $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB RAM"}')"
report=$(cat <<EOF
<!-- The section between the markers is written by benches/compare.sh. -->
<!-- compare.sh begin -->
## Latest run

$(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')\`, $machine, $(rustc --version), $(rg --version | sed -n 1p).
Medians of $RUNS runs, alternating seccheck and rg after one warm-up each (page cache warm).
Load average (1, 5, 15 min) before the run: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown). Other work on the machine slows both programs alike in a race but lowers the thread speedup.

Times are wall clock, with CPU time (user + system) in brackets. \`rg\` is ripgrep with
the yardstick regex (below); the column after the ratio is ripgrep with the regex used
before 2026-12-05, kept for comparison with older runs.

| corpus | bytes | seccheck | rg | seccheck / rg (wall) | rg, old regex; seccheck / it | seccheck peak RSS | rg matches |
|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

| target | measured | status |
|---|---|---|
$(printf '%s\n' "${shape_rows[@]}")
| standard $last takes ≤ 4.4× standard $first (bytes ×$size_ratio) | $scaling× | $(status "$scaling" 4.4) |
| 2 threads ≥ 1.7× faster than 1 ($last: $t1 s vs $t2 s; with 2 threads the CPU time is $busy× the wall time) | $speedup× | $(if le 1.7 "$speedup"; then echo met; else echo "**not met**"; fi) |
| rendering $found findings in the human format ≤ +10% over JSON of the same findings ($first with $DEFECTS planted defects: JSON $as_json s, human $as_human s) | $render_only% | $(status "$render_only" 10) |

Of the rendering row: $DEFECTS planted defects give $found findings (one defect often breaks several checks), more than the 10,000 the target names. The same run against the clean corpus: $quiet s with no finding and $loud s with them in the human format ($render%); that difference is mostly finding them (more citations to resolve, a "did you mean" search per missing clause), not rendering.

Commands (CORPUS = \`$BENCH_DIR/<size>-seed$SEED-defects0\` or \`…-defects0-wide\`, made by \`seccheck-gen CORPUS --size <size> --seed $SEED --shape standard|wide\`):

\`\`\`sh
target/release/seccheck --format json CORPUS > /dev/null
rg --count-matches '$REGEX' CORPUS/document-log.csv CORPUS/documents CORPUS/releases CORPUS/redlines > /dev/null
rg --count-matches '$REGEX_OLD' CORPUS/… > /dev/null   # the old yardstick
target/release/seccheck --format json --threads 1 CORPUS > /dev/null   # and --threads 2
/usr/bin/time -v target/release/seccheck --format json CORPUS > /dev/null   # peak RSS
target/release/seccheck --color never CORPUS-WITH-$DEFECTS-DEFECTS > /dev/null   # vs --format json of the same
\`\`\`
<!-- compare.sh end -->
EOF
)

if [ "$OUT" = "-" ]; then
    echo "$report"
elif [ -f "$OUT" ] && grep -q '<!-- compare.sh begin -->' "$OUT"; then
    # Replace the generated section, keep the rest of the file.
    # ENVIRON, not awk -v: -v would read the backslashes of the regex as escapes.
    REPORT="$report" awk '
        /<!-- The section between the markers/ {skip=1}
        /<!-- compare.sh begin -->/ {skip=1}
        !skip {print}
        /<!-- compare.sh end -->/ {skip=0; print ENVIRON["REPORT"]}
    ' "$OUT" > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
    echo "updated $OUT" >&2
else
    { echo "# Benchmarks"; echo; echo "$report"; } > "$OUT"
    echo "wrote $OUT" >&2
fi
