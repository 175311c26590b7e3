#!/usr/bin/env bash
# Build the wheel from a clean clone of HEAD, install it (not editable) into a fresh venv and make the Lebong
# 2024-07 brief and a one-province batch from an empty folder: the package must carry its data and notebooks.
set -euo pipefail
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$top" "$work/src"
python3 -m pip wheel --no-deps -q -w "$work/dist" "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/*.whl
mkdir "$work/elsewhere" && cd "$work/elsewhere"
"$work/venv/bin/uhc" brief 17.07 --period 2024-07
"$work/venv/bin/uhc" batch --province 17 --quiet
ls -l reports/2024-07/id/17.07.html reports/2025-12/id/index.html
echo "wheel OK: $(ls "$work"/dist)"
