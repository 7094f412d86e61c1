# Shared by compare.sh and cold.sh: the yardstick regex and the timing helpers.
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
