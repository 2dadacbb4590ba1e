#!/usr/bin/env bash
# Remakes the sample images of this folder (they are committed; this is how they were made):
#   td3-specimen-page.png   a TD3 data page, MRZ in OCR-B at about 300 dpi
#   bcbp-boarding-pass.png  an IATA BCBP boarding pass in PDF417 (read back before saving)
# Needs qt6-base-dev, libzxing-dev and fonts-ocr-b. Synthetic people only: the ICAO 9303-4
# specimen holder (Utopia) and a made-up flight. make_samples.cpp is a throwaway tool, not
# part of the build.
set -euo pipefail
cd "$(dirname "$0")"
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
g++ -std=c++20 -O1 -fPIC -DZX_USE_UTF8 make_samples.cpp -o "$tool/make_samples" \
  $(pkg-config --cflags --libs zxing Qt6Gui)
QT_QPA_PLATFORM=offscreen "$tool/make_samples" .
