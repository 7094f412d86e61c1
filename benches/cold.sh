#!/usr/bin/env bash
# seccheck and ripgrep with the corpus's pages evicted from the page cache before every
# run (cold cache), alternating; prints the median wall and CPU times.
#
#   benches/cold.sh CORPUS            (RUNS=5 by default)
#
# Needs vmtouch (`sudo apt-get install vmtouch`), which evicts a file's pages with
# posix_fadvise(POSIX_FADV_DONTNEED) and needs no root; ripgrep; GNU time. The regex is
# compare.sh's yardstick (benches/lib.sh). A page another process holds mapped is not evicted: run on an
# otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:?usage: benches/cold.sh CORPUS}
RUNS=${RUNS:-5}
TIME=${TIME:-/usr/bin/time}
# shellcheck source=benches/lib.sh
. benches/lib.sh
SECCHECK=target/release/seccheck
cargo build --release --quiet
files="$CORPUS/document-log.csv $CORPUS/documents $CORPUS/releases $CORPUS/redlines"

cold() { # command... -> "wall cpu" with the corpus evicted first
    vmtouch -q -e "$CORPUS"
    wall "$@"
}

sw=() sc=() rw=() rc=()
for _ in $(seq "$RUNS"); do
    read -r w c < <(cold bash -c "$SECCHECK --format json $CORPUS || true")
    sw+=("$w"); sc+=("$c")
    # shellcheck disable=SC2086
    read -r w c < <(cold bash -c "rg --count-matches '$REGEX' $files || true")
    rw+=("$w"); rc+=("$c")
done
s=$(printf '%s\n' "${sw[@]}" | median); r=$(printf '%s\n' "${rw[@]}" | median)
echo "cold cache, $(du -sh "$CORPUS" | cut -f1), medians of $RUNS: seccheck $s s (CPU $(printf '%s\n' "${sc[@]}" | median) s), rg $r s (CPU $(printf '%s\n' "${rc[@]}" | median) s), ratio $(echo "scale=2; $s / $r" | bc -l)"
