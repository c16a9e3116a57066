# Sourced by the launchers (./watchfloor, tools/flink-local/run): finds a JDK 21 or newer,
# JAVA_HOME if it is one, else `javac` on the PATH, else the newest under /usr/lib/jvm.
# The version from the JDK's `release` file where it has one (every JDK 9+ does): asking the JVM
# itself starts one, some 0.2 CPU-s a candidate, paid by every launch.
java_version() {
  local release; release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    local v; v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")"
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/*; do [ -d "$d" ] && candidates+=("$d"); done
  local best="" best_v=0
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    local v; v="$(java_version "$c/bin/java")"; v="${v%%.*}"
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
    # the first JDK that is new enough wins when the user chose it with JAVA_HOME
    if [ -n "$best" ] && [ "$c" = "${JAVA_HOME:-}" ]; then break; fi
  done
  [ -n "$best" ] || { echo "watchfloor: needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 2; }
  echo "$best"
}

# Where ./watchfloor looks for its start-up cache of a jar under a JDK of a version
# (java_version's answer, asked once by the caller; tools/aot-train.sh makes it).
aot_cache() { echo "${1%.jar}-jdk$2.aot"; }
