#!/usr/bin/env bash
# Generates the bundled example's test CA for the certificate consumer swarm-reporter (IAM Roles Anywhere).
# Only the public certificate is written into the registry (ca/swarm-ca.pem); the private key goes to
# $KEYLESS_TEST_CA_DIR (default ~/.keyless-test-ca), outside the repository, to sign app certificates with.
# A real CA's key belongs in an HSM or AWS Private CA, never on a laptop or in git.
set -euo pipefail
cd "$(dirname "$0")"
key_dir="${KEYLESS_TEST_CA_DIR:-$HOME/.keyless-test-ca}"
install -d -m 0700 "$key_dir"
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 3650 \
  -subj "/O=keyless example/CN=swarm-ca" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$key_dir/swarm-ca.key" -out swarm-ca.pem
chmod 0400 "$key_dir/swarm-ca.key"
echo "wrote ca/swarm-ca.pem (commit it) and $key_dir/swarm-ca.key (never commit it)"
