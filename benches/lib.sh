# Shared by compare.sh and cold.sh: the yardstick regex and the timing helpers (one run,
# a median, a race of two commands).
# Sourced, not run; TIME must be set (GNU time).

# The yardstick: ripgrep's best case for finding the references, a regex whose every
# branch starts with a literal it can prefilter on (issue 16).
REGEX='(Sections?|Schedule|Appendix|Appendices|paragraph)\s+[A-Z0-9]'

# Runs a command once; prints its wall time and its CPU time (user + system), in seconds.
wall() {
    local out
    out=$("$TIME" -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1)
    echo "$out" | awk '{printf "%s %.2f\n", $1, $2 + $3}'
}

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# Alternates two commands RUNS times; prints the medians "wall_a wall_b cpu_a cpu_b".
# Each command first runs once untimed (a warm-up) unless WARM_UP=0; BEFORE_RUN, when
# set, is run before every timed run (cold.sh evicts the corpus's pages with it).
race() { # "cmd a" "cmd b"
    local wa=() wb=() ca=() cb=() w c
    if [ "${WARM_UP:-1}" = 1 ]; then
        eval "$1" >/dev/null 2>&1 || true
        eval "$2" >/dev/null 2>&1 || true
    fi
    for _ in $(seq "$RUNS"); do
        if [ -n "${BEFORE_RUN:-}" ]; then eval "$BEFORE_RUN"; fi
        read -r w c < <(wall bash -c "$1 || true")
        wa+=("$w"); ca+=("$c")
        if [ -n "${BEFORE_RUN:-}" ]; then eval "$BEFORE_RUN"; fi
        read -r w c < <(wall bash -c "$2 || true")
        wb+=("$w"); cb+=("$c")
    done
    echo "$(printf '%s\n' "${wa[@]}" | median) $(printf '%s\n' "${wb[@]}" | median)" \
        "$(printf '%s\n' "${ca[@]}" | median) $(printf '%s\n' "${cb[@]}" | median)"
}
