#!/usr/bin/env bash
# Checks deploy/nginx-trellis.conf with nginx's own parser (`nginx -t`), inside a throwaway main
# configuration and with a throwaway certificate, so it runs anywhere without touching /etc/nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=trellis.example.org" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s|/etc/ssl/certs/trellis.example.org.pem|$work/cert.pem|" \
    -e "s|/etc/ssl/private/trellis.example.org.key|$work/key.pem|" \
    -e "s|listen 80;|listen 127.0.0.1:18080;|; s|listen \[::\]:80;||" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:18443 ssl http2;|; s|listen \[::\]:443 ssl http2;||" \
    deploy/nginx-trellis.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/site.conf;
}
CONF
"$nginx_binary" -t -q -c "$work/nginx.conf" -p "$work"
echo "deploy/nginx-trellis.conf: nginx -t passed"
