#!/usr/bin/env bash
# Runs before `npm test`: the tests drive Debian's Chromium, read printed tickets back with
# tesseract's Vietnamese model, join two serial ports with socat, run the README's examples with
# curl, render slips with poppler's pdftoppm and start a hub on another date with libfaketime, and make a hall certificate with openssl. Missing ones are installed with apt-get when
# this runs as root; otherwise one line says what to run.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
compgen -G '/usr/share/tesseract-ocr/*/tessdata/vie.traineddata' >/dev/null || missing+=(tesseract-ocr-vie)
compgen -G '/usr/share/tesseract-ocr/*/tessdata/eng.traineddata' >/dev/null || missing+=(tesseract-ocr-eng)
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G '/usr/lib/*/faketime/libfaketime.so.1' >/dev/null || missing+=(faketime)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing what the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  exit 0
fi

echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
