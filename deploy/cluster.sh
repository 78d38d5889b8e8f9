#!/usr/bin/env bash
# Three warta processes over one PostgreSQL and one object store (SeaweedFS)
# behind HAProxy, on loopback; runs the deployment checks and, with --hold,
# keeps it all running. See docs/deploy.md.
#
#   deploy/cluster.sh [--db postgres://…] [--hold] [--check=false]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null || { echo "cluster: installing haproxy"; apt-get install -y -qq haproxy >/dev/null; }
deploy/seaweedfs.sh
DB="${WARTA_CLUSTER_DB:-postgres://postgres@127.0.0.1:5432/warta_cluster?sslmode=disable}"
if [[ "$DB" == *"/warta_cluster?"* ]]; then
	psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='warta_cluster'" postgres | grep -q 1 ||
		psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE warta_cluster" postgres >/dev/null
fi
exec go run ./deploy/cluster --db "$DB" "$@"
