# Sourced by the benchmark scripts. measure LOG CMD...: runs CMD as its own process with its output in LOG, and
# sets $wall (seconds) and $rss_mib (peak VmHWM, polled every 0.2 s); on failure prints LOG's end and exits 1.
measure() {
  local log=$1; shift
  local start peak=0 hwm
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ]; then peak=$hwm; fi
    sleep 0.2
  done
  if ! wait "$pid"; then
    echo "bench: the step logging to $log failed; its end:"; tail -n 30 "$log"; exit 1
  fi
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  rss_mib=$(( peak / 1024 ))
}
