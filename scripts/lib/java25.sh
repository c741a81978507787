# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 25 or exits with a clear message.
# Order: $JAVA_HOME if it is a JDK 25, then /usr/lib/jvm/*25*, then `java` on the PATH if it is 25.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
find_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" = "25" ]; then
    echo "$JAVA_HOME"; return 0
  fi
  for candidate in /usr/lib/jvm/*25* /opt/java/*25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" = "25" ]; then
      echo "$candidate"; return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    local home; home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_major "$home")" = "25" ]; then echo "$home"; return 0; fi
  fi
  return 1
}
if ! JAVA_HOME=$(find_jdk25); then
  echo "ERROR: ai-assistants needs a JDK 25. Set JAVA_HOME to one, or install it under /usr/lib/jvm (e.g. temurin-25-jdk)." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
