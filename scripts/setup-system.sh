#!/usr/bin/env bash
# Install what vadocs needs from Debian: LibreOffice (headless, for PDFs), the
# metric-compatible fonts (Liberation = Arial/Times/Courier, Carlito = Calibri)
# poppler-utils (pdftotext/pdffonts, used by the tests) and python3-uno (the warm
# LibreOffice connection vadocs uses for large batches).
set -euo pipefail
packages=(libreoffice-writer-nogui python3-uno fonts-liberation2 fonts-crosextra-carlito poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "vadocs needs: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
