#!/usr/bin/env bash
# Makes ./watchfloor's start-up cache (a JDK 25+ AOT cache) for the built jar, once per build:
#   tools/aot-train.sh
# The training run is a one-article ingest into a throwaway store (what a short command does:
# the profile, the store and its index, the models, the pipeline); its output goes nowhere. One
# run at a time makes it (a lock folder beside the cache); the cache appears whole or not at all
# (written under another name, then renamed).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tools/jdk.sh
. "$here/tools/jdk.sh"
JAVA_HOME="$(find_jdk)"
java="$JAVA_HOME/bin/java"
jar="$here/core/target/watchfloor.jar"
java_full="$(java_version "$java")"
if [ "${java_full%%.*}" -lt 25 ]; then
  echo "aot-train: the start-up cache needs a JDK 25 or newer; $JAVA_HOME is older" >&2
  exit 2
fi
[ -f "$jar" ] || { echo "aot-train: no $jar: build it first (./watchfloor --version builds it)" >&2; exit 2; }
cache="$(aot_cache "$jar" "$java_full")"
set -- --enable-native-access=ALL-UNNAMED
lock="$cache.lock"
# a lock older than an hour was left by a training run that died
find "$lock" -maxdepth 0 -mmin +60 -exec rmdir {} \; 2>/dev/null
mkdir "$lock" 2>/dev/null || { echo "aot-train: another run is making $cache" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"; rmdir "$lock"' EXIT
# an article of the kind the watch reads, written for this (no outlet's text)
cat >"$work/article.txt" <<'ARTICLE'
url: https://watchfloor.invalid/aot-training
outlet: Launcher Training Wire
published: 2024-05-17T09:10:00+09:00
title: North Korea fires short-range ballistic missiles into the East Sea
language: en

SEOUL, May 17 (Launcher Training Wire) -- North Korea fired several short-range ballistic missiles
from the Wonsan area into the East Sea on Friday morning, South Korea's Joint Chiefs of Staff said.

The missiles flew about 300 km, the military said. Japan's defence ministry said they fell outside
its exclusive economic zone.
ARTICLE
"$java" "$@" -XX:AOTMode=record -XX:AOTConfiguration="$work/conf" -jar "$jar" \
  ingest --store "$work/store" "$work/article.txt" >/dev/null 2>&1 \
  || { echo "aot-train: the training ingest failed" >&2; exit 1; }
"$java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$work/conf" -XX:AOTCache="$work/cache.aot" -jar "$jar" \
  >/dev/null 2>&1 || { echo "aot-train: the JVM could not write the cache" >&2; exit 1; }
# the jar may have been rebuilt meanwhile: a cache of the old one is not kept under its name
[ "$jar" -nt "$work/conf" ] && { echo "aot-train: the jar was rebuilt meanwhile; run it again" >&2; exit 1; }
mv -f "$work/cache.aot" "$cache"
echo "aot-train: made $cache" >&2
