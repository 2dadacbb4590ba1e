#!/usr/bin/env bash
# The whole deployment from the project's own packages, on this (disposable)
# machine, as root, from the installed files only:
#   packages built (scripts/package) and installed with dpkg -i; the central PostgreSQL database
#   made by border-central-create-database on the test cluster (KIOSK_TEST_PG_URL); border-central
#   started as its service user from /etc/border-central/central.ini; two kiosks provisioned in
#   separate state folders by the README's commands (counted: at most 10 per kiosk); 50 crossings
#   on kiosk 1 found in kiosk 2's history after a sync round; a new signed policy published
#   centrally and in force on both; a revoked kiosk refused; dpkg --purge removes it all.
# Usage: tests/deploy/deploy-test.sh [BUILD_DIR]   (BUILD_DIR: package from that build; default
# scripts/package's own Release build). Exit 77 (skipped) when not root or without PostgreSQL.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "deploy-test: needs root (dpkg -i); skipped"; exit 77; }
[ -n "${KIOSK_TEST_PG_URL:-}" ] || { echo "deploy-test: KIOSK_TEST_PG_URL is not set (scripts/test-services); skipped"; exit 77; }
command -v jq >/dev/null || { echo "deploy-test: jq missing (scripts/setup installs it)"; exit 1; }

work=$(mktemp -d /tmp/deploy-test.XXXXXX)
central_pid=
cleanup() {
    [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null && wait "$central_pid" 2>/dev/null || true
    dpkg --purge border-kiosk border-central >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
step() { echo "deploy-test: $*"; }
fail() { echo "deploy-test: FAILED: $*" >&2; exit 1; }

# The commands an operator types for one kiosk, counted (the limit: 10).
declare -A commands_of
kiosk_cmd() { # kiosk_cmd NAME command...
    local name=$1; shift
    commands_of[$name]=$(( ${commands_of[$name]:-0} + 1 ))
    echo "  [$name #${commands_of[$name]}] $*" >&2
    "$@"
}

# ---- 1. packages ---------------------------------------------------------------------------
step "building the packages"
if [ -n "${1:-}" ]; then
    mapfile -t debs < <(KIOSK_PACKAGE_FROM_BUILD="$1" "$here/scripts/package")
else
    mapfile -t debs < <("$here/scripts/package")
fi
[ "${#debs[@]}" = 2 ] || fail "scripts/package did not print two .deb files"
dpkg --purge border-kiosk border-central >/dev/null 2>&1 || true
step "dpkg -i ${debs[*]##*/}"
dpkg -i "${debs[@]}" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
for f in /usr/bin/border-kiosk /usr/bin/kioskctl /usr/bin/border-central /usr/sbin/border-central-create-database \
         /etc/border-kiosk/kiosk.ini /etc/border-central/central.ini /usr/share/border-kiosk/policy/policy.json; do
    [ -e "$f" ] || fail "$f is not installed"
done
# From here on nothing may come from the source tree: run in an empty folder.
cd "$work"
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset KIOSK_RESOURCES_DIR KIOSK_CONFIG

# ---- 2. the central side -------------------------------------------------------------------
pg_port=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$KIOSK_TEST_PG_URL")
pg_admin=$(sed -E 's|postgresql://([^@]+)@.*|\1|' <<<"$KIOSK_TEST_PG_URL")
dbname=border_central_deploy_$$
step "central database"
db_url=$(border-central-create-database --host 127.0.0.1 --port "$pg_port" --admin "$pg_admin" --role border_central_deploy --database "$dbname")
[[ "$db_url" == postgresql://* ]] || fail "border-central-create-database printed '$db_url'"
# TLS for the central service (the agency's PKI in real life), readable by its user only.
install -d -m 0750 -o root -g border-central /etc/border-central/tls
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout /etc/border-central/tls/central-key.pem \
    -out /etc/border-central/tls/central-cert.pem 2>/dev/null
chown border-central /etc/border-central/tls/central-key.pem
chmod 0600 /etc/border-central/tls/central-key.pem
cp /etc/border-central/tls/central-cert.pem "$work/central-ca.pem"
sed -i -e "s|^;database=.*|database=$db_url|" -e "s|^;listen=.*|listen=127.0.0.1:0|" \
    -e "s|^;tls_cert=.*|tls_cert=/etc/border-central/tls/central-cert.pem|" \
    -e "s|^;tls_key=.*|tls_key=/etc/border-central/tls/central-key.pem|" /etc/border-central/central.ini
step "border-central serve, as the border-central user"
runuser -u border-central -- border-central serve --config /etc/border-central/central.ini >"$work/central.out" 2>"$work/central.err" &
central_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/central.out" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$work/central.out" || { cat "$work/central.err"; fail "border-central did not start"; }
port=$(sed -nE 's/.*listening on [0-9.]+:([0-9]+).*/\1/p' "$work/central.out")
central_url=https://127.0.0.1:$port

# ---- 3. the agency's policy key, a policy and an (empty) watchlist signed with it ----------
today=$(date +%F)
kioskctl policy keygen --private "$work/agency.key.pem" --public "$work/agency.pub.pem" >/dev/null
jq --arg d "$today" '.issued = $d | .versions[-1].version = "deploy-1"' /usr/share/border-kiosk/policy/policy.json >"$work/policy.json"
kioskctl policy sign --key "$work/agency.key.pem" "$work/policy.json" >/dev/null
echo '[]' >"$work/watchlist.json"
kioskctl policy sign --kind watchlist --key "$work/agency.key.pem" "$work/watchlist.json" >/dev/null
border-central reference publish --config /etc/border-central/central.ini --kind watchlist --version 1 \
    --body "$work/watchlist.json" --signature "$work/watchlist.json.sig" >/dev/null

# ---- 4. two kiosks, by the README's commands -----------------------------------------------
provision() { # provision NAME ID
    local name=$1 id=$2 dir=$work/$1
    mkdir -p -m 0700 "$dir" # as the packages make /var/lib/border-kiosk: config check reports a looser folder
    kiosk_cmd "$name" kioskctl enroll --config "$dir/kiosk.ini" --id "$id" --checkpoint GYD --central "$central_url" \
        --ca "$work/central-ca.pem" --trust "$work/agency.pub.pem" --policy "$work/policy.json" >"$dir/kiosk.pub.pem"
    kiosk_cmd "$name" border-central kiosk add --config /etc/border-central/central.ini --id "$id" --checkpoint GYD \
        --public-key "$dir/kiosk.pub.pem" >/dev/null
    kiosk_cmd "$name" kioskctl operator add --config "$dir/kiosk.ini" --id OF-1001 --name "Officer One" <<<$'246813\n246813' >/dev/null 2>&1
    kiosk_cmd "$name" kioskctl config check --config "$dir/kiosk.ini" >/dev/null || fail "$name: config check"
    kiosk_cmd "$name" kioskctl sync --once --config "$dir/kiosk.ini" >"$dir/sync0.json" || { cat "$dir/sync0.json"; fail "$name: first sync"; }
}
step "provisioning kiosk1 and kiosk2"
provision kiosk1 KIOSK-GYD-01
provision kiosk2 KIOSK-GYD-02
for k in kiosk1 kiosk2; do
    [ "${commands_of[$k]}" -le 10 ] || fail "$k took ${commands_of[$k]} commands (at most 10)"
done

# ---- 5. 50 crossings on kiosk 1, in kiosk 2's history after a sync round -------------------
# Synthetic travellers (ICAO 9303 check digits): RUS, visa-free 90 days in the policy.
cd_of() { # ICAO 9303-3 §4.9 check digit of $1
    local s=$1 i c v sum=0 w=(7 3 1)
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case "$c" in [0-9]) v=$c ;; "<") v=0 ;; *) v=$(( $(printf '%d' "'$c") - 55 )) ;; esac
        sum=$(( sum + v * w[i % 3] ))
    done
    echo $(( sum % 10 ))
}
mrz_of() { # mrz_of N -> two TD3 lines
    local n=$1 number birth expiry=350101 opt="<<<<<<<<<<<<<<"
    birth=$(printf '90%02d%02d' $((1 + n / 28 % 12)) $((1 + n % 28))) # one person per n
    number=$(printf 'D%08d' "$n")
    # Names that no matcher takes for one another: NATO alphabet words, two per surname.
    local words=(ALFA BRAVO CHARLIE DELTA ECHO FOXTROT GOLF HOTEL INDIA JULIETT KILO LIMA MIKE
                 NOVEMBER OSCAR PAPA QUEBEC ROMEO SIERRA TANGO UNIFORM VICTOR WHISKEY XRAY YANKEE ZULU)
    local l1="P<RUS${words[n % 26]}${words[(n / 26 + 7) % 26]}<<${words[(n * 11 + 3) % 26]}"
    l1=$(printf '%-44s' "$l1" | tr ' ' '<')
    local body="$number$(cd_of "$number")RUS$birth$(cd_of "$birth")F$expiry$(cd_of "$expiry")$opt$(cd_of "$opt")"
    local composite="${body:0:10}${body:13:7}${body:21:22}"
    printf '%s\n%s%s\n' "$l1" "$body" "$(cd_of "$composite")"
}
step "50 crossings on kiosk1"
for n in $(seq 1 50); do
    mrz_of "$n" >"$work/doc.mrz"
    out=$(kioskctl record --config "$work/kiosk1/kiosk.ini" --mrz "$work/doc.mrz" --direction entry --officer OF-1001 2>"$work/record.err") \
        || { cat "$work/record.err"; fail "record $n"; }
    [ "$(jq -r .verdict <<<"$out")" = ADMIT ] || fail "traveller $n: $out"
    [ "$(jq -r .crossingRecorded <<<"$out")" = true ] || fail "traveller $n: no crossing: $out"
done
pushed=$(kioskctl sync --once --config "$work/kiosk1/kiosk.ini")
[ "$(jq -r .stored <<<"$pushed")" = 50 ] || fail "kiosk1 pushed: $pushed"
pulled=$(kioskctl sync --once --config "$work/kiosk2/kiosk.ini")
[ "$(jq -r .pulled <<<"$pulled")" = 50 ] || fail "kiosk2 pulled: $pulled"
# Kiosk 2 knows traveller 7 entered at kiosk 1: a second entry without an exit is referred.
mrz_of 7 >"$work/doc.mrz"
again=$(kioskctl record --config "$work/kiosk2/kiosk.ini" --mrz "$work/doc.mrz" --direction entry --officer OF-1001 2>/dev/null)
jq -e '.reasons | index("PREVIOUS_EXIT_MISSING")' <<<"$again" >/dev/null || fail "kiosk2 does not see kiosk1's crossing: $again"
left=$(kioskctl record --config "$work/kiosk2/kiosk.ini" --mrz "$work/doc.mrz" --direction exit --officer OF-1001 2>/dev/null)
[ "$(jq -r .verdict <<<"$left")" = ADMIT ] || fail "exit at kiosk2 after entry at kiosk1: $left"

# ---- 6. a new signed policy, published centrally, in force on both kiosks ------------------
step "policy deploy-2 published"
jq --arg d "$today" '.issued = $d | .versions[-1].version = "deploy-2"' /usr/share/border-kiosk/policy/policy.json >"$work/policy2.json"
kioskctl policy sign --key "$work/agency.key.pem" "$work/policy2.json" >/dev/null
border-central reference publish --config /etc/border-central/central.ini --kind policy --version 2 \
    --body "$work/policy2.json" --signature "$work/policy2.json.sig" >/dev/null
for n in 1 2; do
    s=$(kioskctl sync --once --config "$work/kiosk$n/kiosk.ini")
    jq -e '.referenceApplied | index("policy 2")' <<<"$s" >/dev/null || fail "kiosk$n did not apply policy 2: $s"
    mrz_of $((100 + n)) >"$work/doc.mrz"
    r=$(kioskctl record --config "$work/kiosk$n/kiosk.ini" --mrz "$work/doc.mrz" --direction entry --officer OF-1001 2>/dev/null)
    [ "$(jq -r .policyVersion <<<"$r")" = deploy-2 ] || fail "kiosk$n judges under $(jq -r .policyVersion <<<"$r"), not deploy-2"
done

# ---- 7. a revoked kiosk is refused ---------------------------------------------------------
step "kiosk2 revoked"
border-central kiosk revoke --config /etc/border-central/central.ini --id KIOSK-GYD-02 >/dev/null
if refused=$(kioskctl sync --once --config "$work/kiosk2/kiosk.ini"); then fail "a revoked kiosk synced: $refused"; fi
grep -q KIOSK_REVOKED <<<"$refused" || fail "revoked kiosk2: $refused"
kioskctl sync --once --config "$work/kiosk1/kiosk.ini" >/dev/null || fail "kiosk1 refused after kiosk2's revocation"

# ---- 8. stop, purge -----------------------------------------------------------------------
kill -TERM "$central_pid"
wait "$central_pid" || true
central_pid=
dpkg --purge border-kiosk border-central >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
for f in /usr/bin/border-kiosk /usr/bin/kioskctl /usr/bin/border-central /etc/border-kiosk /etc/border-central /var/lib/border-central; do
    [ ! -e "$f" ] || fail "$f is still there after dpkg --purge"
done
psql -q -X -h 127.0.0.1 -p "$pg_port" -U "$pg_admin" -d postgres -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true
step "ok: central + 2 kiosks from the packages; kiosk1 ${commands_of[kiosk1]} commands, kiosk2 ${commands_of[kiosk2]} commands; 50 crossings pulled; policy deploy-2 in force on both; revoked kiosk refused; purged"
