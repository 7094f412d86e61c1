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

# No warm-up: every timed run starts with the corpus's pages evicted.
# shellcheck disable=SC2034
WARM_UP=0 BEFORE_RUN="vmtouch -q -e '$CORPUS'"
read -r s r sc rc < <(race "$SECCHECK --format json $CORPUS" "rg --count-matches '$REGEX' $files")
echo "cold cache, $(du -sh "$CORPUS" | cut -f1), medians of $RUNS: seccheck $s s (CPU $sc s), rg $r s (CPU $rc s), ratio $(echo "scale=2; $s / $r" | bc -l)"
