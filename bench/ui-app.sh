# Sourced by bench/run-ui-load and bench/run-push (not a benchmark of its own): the production jar on the
# forum of bench UiLoadForum (1,000 approved companies with log-ins, booking open) in a fresh embedded
# database, started in the background and stopped when the script exits.
# ui_app_start WORK_DIR PORT    builds the jar (./mvnw -Pproduction -DskipTests package, unless
#                               BENCH_JAR names a jar already built), writes the forum into WORK_DIR/db, starts the
#                               jar on PORT (the database on PORT+1) and waits until it is ready; sets app_pid and
#                               app_log (WORK_DIR/app-<date>-<time>.log, one per run; WORK_DIR/app.log links the last).
# ui_app_java CLASS ARGS...     runs a bench class (test class path) against it.
# ui_app_report PORT            logs what tells why requests failed: the application log's "Database unavailable"
#                               lines and the pool's connection timeouts (hikaricp_connections_timeout_total).
# Environment: UI_LOAD_HEAP (the application's -Xmx, default 2g), UI_LOAD_APP_JAVA_OPTIONS (more options for the
# application's JVM only, e.g. a flight recording: -XX:StartFlightRecording=...), BENCH_REUSE_DB=1 (start on the forum that
# WORK_DIR/db holds from an earlier run instead of writing a fresh one: 5-10 minutes less on a loaded machine).

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
app_pid=""
app_log=""
# the organizer UiLoadForum created (the production jar wants one named outside demo mode; /actuator/prometheus too)
ui_app_organizer_email=ui-load-chief@forum.local
ui_app_organizer_password=Ui-Load-Organizer-2026
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

    # a log per run: the next run does not overwrite the one whose errors are still to be read
    app_log="$work/app-$(date +%Y%m%d-%H%M%S).log"
    ln -sfn "$(basename "$app_log")" "$work/app.log"
    log "starting the production jar on port $port (log: $app_log)"
    B2BFORUM_DEMO=false B2BFORUM_BACKUP_ENABLED=false PORT=$port B2BFORUM_EMBEDDEDDB_PORT=$((port + 1)) \
    B2BFORUM_ORGANIZER_EMAIL=$ui_app_organizer_email B2BFORUM_ORGANIZER_PASSWORD=$ui_app_organizer_password \
        java -Xmx"${UI_LOAD_HEAP:-2g}" ${UI_LOAD_APP_JAVA_OPTIONS:-} -jar "$work/app.jar" --b2bforum.embedded-db.data-dir="$data" \
        > "$app_log" 2>&1 &
    app_pid=$!
    local ready=""
    # up to 20 minutes: two jars starting at once at load 30-70 took over 6 (stop 47); the loop used to go on after
    # 150 tries as if the application were ready, and the benchmark's users met a closed port (errors, no figures)
    for _ in $(seq 1 600); do
        curl -fsS -m 3 "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && { ready=1; break; }
        kill -0 "$app_pid" 2>/dev/null || { log "the application stopped:"; tail -30 "$app_log" >&2; exit 1; }
        sleep 2
    done
    [[ -n "$ready" ]] || { log "the application did not become ready"; tail -30 "$app_log" >&2; exit 1; }
    log "ready; load: $(uptime)"
}

ui_app_java() {
    java "${bench_java_options[@]}" -cp "$bench_classpath" "$@"
}

ui_app_report() {
    local port=$1 unavailable before_vaadin timeouts
    # DatabaseUnavailableFilter logs "Database unavailable for <uri>" (a 503 before Vaadin: the session check's read,
    # SessionEpochFilter); Vaadin's error handler "Database unavailable: " (an answer of 200 with a notification)
    unavailable=$(grep -c "Database unavailable" "$app_log" || true)
    before_vaadin=$(grep -c "Database unavailable for" "$app_log" || true)
    timeouts=$(curl -fsS -m 10 -u "$ui_app_organizer_email:$ui_app_organizer_password" \
        "http://localhost:$port/actuator/prometheus" 2>/dev/null \
        | awk '/^hikaricp_connections_timeout_total/ { sum += $NF; seen = 1 } END { print seen ? sum : "not read" }' || true)
    log "application log $app_log: ${unavailable:-0} \"Database unavailable\" lines, ${before_vaadin:-0} of them answered 503 before Vaadin (DatabaseUnavailableFilter)"
    log "the pool's connection timeouts since the start (hikaricp_connections_timeout_total): ${timeouts:-not read}"
}
