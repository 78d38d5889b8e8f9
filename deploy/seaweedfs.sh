#!/usr/bin/env bash
# Builds SeaweedFS's `weed` (an S3-compatible object store written in Go) from
# the Go module proxy into ~/.cache/warta/weed, where the object-store tests
# (internal/testobj) and deploy/cluster find it. Its go.mod has replace
# directives, so `go install pkg@version` refuses it: the module is
# downloaded and built as a main module instead. Nothing else is fetched.
#
#   deploy/seaweedfs.sh            build once (a no-op when it is there)
#   WARTA_WEED=/path/weed          use another binary instead
set -euo pipefail
VERSION="${SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
OUT="${WARTA_WEED:-$HOME/.cache/warta/weed}"
if [ -x "$OUT" ]; then
	echo "seaweedfs: $OUT is there"
	exit 0
fi
mkdir -p "$(dirname "$OUT")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
dir=$(go mod download -json "github.com/seaweedfs/seaweedfs@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$dir" ] || { echo "seaweedfs: module download failed" >&2; exit 1; }
cp -r "$dir" src && chmod -R u+w src
cd src
echo "seaweedfs: building weed $VERSION (several minutes the first time)"
go build -o "$OUT.tmp" ./weed
mv "$OUT.tmp" "$OUT"
echo "seaweedfs: $OUT"
