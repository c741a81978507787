#!/usr/bin/env bash
# A local stand-in for Google's OAuth 2.0 and Calendar API v3 endpoints, for trying the Google Calendar integration
# without a Google account: WireMock standalone with the mappings in scripts/fake-google/mappings (a consent page
# with "Allow", the token and revoke endpoints, a calendar with a busy hour 11:00-12:00 Buenos Aires on each of the
# next 7 days, and events.insert/update/delete that accept anything). Every request it received is listed at
#   curl -s http://localhost:${PORT}/__admin/requests
# Usage: scripts/fake-google.sh [port]   (default 8096; scripts/run-local.sh starts it with AI_ASSISTANTS_FAKE_GOOGLE=1)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8096}"
VERSION=3.13.2
JAR="$HOME/.m2/repository/org/wiremock/wiremock-standalone/$VERSION/wiremock-standalone-$VERSION.jar"
if [ ! -f "$JAR" ]; then
  echo "Fetching WireMock $VERSION into the local Maven repository…"
  ./mvnw -q -ntp dependency:get -Dartifact="org.wiremock:wiremock-standalone:$VERSION" >/dev/null
fi
exec java -Xmx128m -jar "$JAR" --port "$PORT" --bind-address 127.0.0.1 --root-dir scripts/fake-google \
  --disable-banner
