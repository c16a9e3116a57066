#!/usr/bin/env bash
# Makes ./watchfloor's start-up cache (a JDK 25+ AOT cache) for a jar, in the background:
#   aot-train.sh JAVA JAR CACHE JVM-OPTION...
# The training run is a one-article ingest into a throwaway store (what a short command does:
# the profile, the store and its index, the models, the pipeline); its output, and the JVM's
# while it writes the cache, go nowhere. One launcher at a time makes it (a lock folder beside the
# cache); the cache appears whole or not at all (written under another name, then renamed).
set -uo pipefail
java="$1" jar="$2" cache="$3"
shift 3
lock="$cache.lock"
# a lock older than an hour was left by a training run that died
find "$lock" -maxdepth 0 -mmin +60 -exec rmdir {} \; 2>/dev/null
mkdir "$lock" 2>/dev/null || exit 0
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
  ingest --store "$work/store" "$work/article.txt" || exit 0
"$java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$work/conf" -XX:AOTCache="$work/cache.aot" -jar "$jar" \
  || exit 0
# the jar may have been rebuilt meanwhile: a cache of the old one is not kept under its name
[ "$jar" -nt "$work/conf" ] && exit 0
mv -f "$work/cache.aot" "$cache"
