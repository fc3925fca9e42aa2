# Settings shared by deploy/local/up, deploy/local/down and deploy/test-all (sourced, not run).
# Every value can be overridden from the environment, e.g. to run a second stack beside the
# usual one: CELLSCOPE_STACK_DIR=/tmp/s2 KAFKA_PORT=19092 INFLUX_PORT=18086 PG_PORT=15432 deploy/local/up

CELLSCOPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_DIR="${CELLSCOPE_STACK_DIR:-$CELLSCOPE_ROOT/.stack}"
PID_DIR="$STACK_DIR/pids"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"

INFLUX_PORT="${INFLUX_PORT:-8086}"
INFLUX_RPC_PORT="${INFLUX_RPC_PORT:-$((INFLUX_PORT + 3))}"

PG_PORT="${PG_PORT:-5432}"

# Seconds to wait for a service to answer after starting it, and for one to stop.
STACK_START_TIMEOUT="${STACK_START_TIMEOUT:-120}"
STACK_STOP_TIMEOUT="${STACK_STOP_TIMEOUT:-30}"

# Endpoints in the variables the application reads (libs/config); set ones are kept.
STACK_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
STACK_INFLUX_URL="http://127.0.0.1:$INFLUX_PORT"
STACK_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/cellscope"

stack_log() { printf '[stack] %s\n' "$*"; }
stack_die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }
