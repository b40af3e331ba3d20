#!/bin/sh
# One SMART check of a typical objective (12 siblings, 72 history points).
set -e
cd "$(dirname "$0")/.."
make -s build/libcible.a
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -o build/smart_bench \
  bench/smart_bench.c build/libcible.a -lm
build/smart_bench "${1:-200000}"
