#!/usr/bin/env bash
# CUPS on loopback with a `MotcuaPDF` queue (cups-pdf backend) for the printing tests.
# Idempotent; works in a container without systemd (starts cupsd directly).
# cups-pdf writes every job to /var/spool/cups-pdf/ANONYMOUS (set below as Out and AnonDirName),
# whoever submits it, so tests know where to look.
set -euo pipefail

OUT_DIR=/var/spool/cups-pdf/ANONYMOUS
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v cupsd >/dev/null || ! command -v lpadmin >/dev/null; then
  echo "cups.sh: cups is not installed; skipping" >&2
  exit 0
fi

# Loopback only: replace any Listen/Port line that would open the spooler to the network.
CONF=/etc/cups/cupsd.conf
if grep -Eq '^(Port [0-9]+|Listen (\*|0\.0\.0\.0|\[::\]))' "$CONF"; then
  $SUDO sed -i -E 's/^(Port [0-9]+|Listen (\*|0\.0\.0\.0|\[::\]):?[0-9]*)$/Listen localhost:631/' "$CONF"
  echo "cups.sh: cupsd now listens on loopback only"
fi
grep -q '^Listen localhost:631' "$CONF" || echo 'Listen localhost:631' | $SUDO tee -a "$CONF" >/dev/null

# A known output folder for cups-pdf.
PDFCONF=/etc/cups/cups-pdf.conf
if [ -f "$PDFCONF" ]; then
  $SUDO sed -i -E "s|^#?Out .*|Out ${OUT_DIR}|; s|^#?AnonDirName .*|AnonDirName ${OUT_DIR}|" "$PDFCONF"
fi
$SUDO mkdir -p "$OUT_DIR"
$SUDO chmod 1777 "$OUT_DIR"

if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  if command -v service >/dev/null && $SUDO service cups start >/dev/null 2>&1; then :; else $SUDO cupsd; fi
  for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q 'is running' && break; sleep 0.1; done
  echo "cups.sh: cupsd started"
fi

PPD=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')
[ -n "$PPD" ] || PPD=$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')
if ! lpstat -p MotcuaPDF >/dev/null 2>&1; then
  $SUDO lpadmin -p MotcuaPDF -E -v cups-pdf:/ -m "${PPD:-lsb/usr/cups-pdf/CUPS-PDF_opt.ppd}"
  echo "cups.sh: queue MotcuaPDF created"
fi
# A test may have disabled it; leave it usable.
$SUDO cupsenable MotcuaPDF
$SUDO cupsaccept MotcuaPDF
# A test machine with no default printer gets MotcuaPDF, so an app that falls back to the system
# default prints somewhere checkable; an existing default is never replaced.
if lpstat -d 2>/dev/null | grep -q "no system default"; then
  $SUDO lpadmin -d MotcuaPDF
  echo "cups.sh: MotcuaPDF is the system default printer"
fi
echo "cups.sh: MotcuaPDF ready; cups-pdf writes to ${OUT_DIR}"
