# Sourced by bench/run-ui-load and bench/run-push (not a benchmark of its own): the production jar on the
# forum of bench UiLoadForum (1,000 approved companies with log-ins, booking open) in a fresh embedded
# database, started in the background and stopped when the script exits.
# ui_app_start WORK_DIR PORT    builds the jar (./mvnw -Pproduction -DskipTests package, unless
#                               BENCH_JAR names a jar already built), writes the forum into WORK_DIR/db, starts the
#                               jar on PORT (the database on PORT+1) and waits until it is ready; sets app_pid.
# ui_app_java CLASS ARGS...     runs a bench class (test class path) against it.
# Environment: UI_LOAD_HEAP (the application's -Xmx, default 2g), UI_LOAD_APP_JAVA_OPTIONS (more options for the
# application's JVM only, e.g. a flight recording: -XX:StartFlightRecording=...), BENCH_REUSE_DB=1 (start on the forum that
# WORK_DIR/db holds from an earlier run instead of writing a fresh one: 5-10 minutes less on a loaded machine).

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
app_pid=""
log() { echo "[${bench_name:-bench} $(date +%H:%M:%S)] $*" >&2; }
ui_app_stop() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"   # graceful: the application stops its embedded database
        wait "$app_pid" 2>/dev/null || true
    fi
}
trap ui_app_stop EXIT

ui_app_start() {
    local work=$1 port=$2
    local data=$work/db
    mkdir -p "$work"
    log "load: $(uptime)"
    if [[ -n "${BENCH_JAR:-}" ]]; then
        log "using the jar $BENCH_JAR"
        cp "$BENCH_JAR" "$work/app.jar"
    else
        log "building the production jar"
        ./mvnw -q -B -Pproduction -DskipTests package >&2   # the production jar as shipped; the suite is not what is measured here
        cp target/b2b-forum-*.jar "$work/app.jar"
    fi
    if [[ -n "${BENCH_REUSE_DB:-}" && -d "$data" ]]; then
        log "reusing the forum in $data (BENCH_REUSE_DB)"
        ./mvnw -q -B test-compile >&2
        ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath-test.txt \
            -Dmdep.includeScope=test >&2
    else
        log "writing the forum into $data"
        bench/run-java-class org.b2bforum.bench.UiLoadForum "$data" >&2
    fi
    # the bench's classes as they are now: a build in the work tree meanwhile does not change them under it
    rm -rf "$work/classes" && mkdir -p "$work/classes"
    cp -r target/classes "$work/classes/main" && cp -r target/test-classes "$work/classes/test"
    bench_classpath="$work/classes/test:$work/classes/main:$(cat target/bench-classpath-test.txt)"

    log "starting the production jar on port $port"
    # the organizer UiLoadForum created (the production jar wants one named outside demo mode)
    B2BFORUM_DEMO=false B2BFORUM_BACKUP_ENABLED=false PORT=$port B2BFORUM_EMBEDDEDDB_PORT=$((port + 1)) \
    B2BFORUM_ORGANIZER_EMAIL=ui-load-chief@forum.local B2BFORUM_ORGANIZER_PASSWORD=Ui-Load-Organizer-2026 \
        java -Xmx"${UI_LOAD_HEAP:-2g}" ${UI_LOAD_APP_JAVA_OPTIONS:-} -jar "$work/app.jar" --b2bforum.embedded-db.data-dir="$data" \
        > "$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 150); do
        curl -fsS -m 3 "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
        kill -0 "$app_pid" 2>/dev/null || { log "the application stopped:"; tail -30 "$work/app.log" >&2; exit 1; }
        sleep 2
    done
    log "ready; load: $(uptime)"
}

ui_app_java() {
    java "${bench_java_options[@]}" -cp "$bench_classpath" "$@"
}
