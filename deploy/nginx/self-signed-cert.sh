#!/bin/sh
# Makes a self-signed TLS certificate for nginx on first start: DIR/nafidha.crt and DIR/nafidha.key, unless both
# exist (a real certificate put there is kept). For a first start and for tests; production puts its own there.
# Usage: self-signed-cert.sh [DIR] (default $NAFIDHA_TLS_DIR, else /etc/nginx/tls); the name is $NAFIDHA_TLS_NAME
# (default localhost), valid with 127.0.0.1 as well.
set -eu
dir=${1:-${NAFIDHA_TLS_DIR:-/etc/nginx/tls}}
name=${NAFIDHA_TLS_NAME:-localhost}
if [ -s "$dir/nafidha.crt" ] && [ -s "$dir/nafidha.key" ]; then
    exit 0
fi
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$name" \
    -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/nafidha.key" -out "$dir/nafidha.crt" 2>/dev/null
chmod 644 "$dir/nafidha.crt"
echo "self-signed-cert.sh: made a self-signed certificate for $name in $dir" >&2
