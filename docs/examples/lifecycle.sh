#!/usr/bin/env bash
# The whole life of a tender through the HTTP API, as docs/API-EXAMPLES.md tells it.
# Start the service first, on a fresh database of its own (ADMIN_EMAIL only names the first admin):
#   rm -rf .walkthrough && DATABASE_URL=sqlite:.walkthrough/tender-scorer.sqlite \
#     ADMIN_EMAIL=admin@example.org ADMIN_PASSWORD='change-me-please-123' npm start
# (against a service you already run, set ADMIN_EMAIL and ADMIN_PASSWORD to its admin instead)
# then: bash docs/examples/lifecycle.sh   (needs curl and jq; takes about a minute because the
# bid deadline is set 45 seconds ahead and the box opens only after it).
set -euo pipefail
API=${API:-http://127.0.0.1:3000/api}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@example.org}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-change-me-please-123}
RUN=$(date +%s)
say() { printf '\n## %s\n' "$*"; }
call() { # call METHOD PATH TOKEN [JSON]  -> prints the body, fails on a status >= 400
  local method=$1 path=$2 token=$3 body=${4:-}
  local out; out=$(mktemp)
  local status
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$API$path" \
    -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} ${body:+-d "$body"})
  if [ "$status" -ge 400 ]; then echo "$method $path -> $status: $(cat "$out")" >&2; rm -f "$out"; exit 1; fi
  cat "$out"; rm -f "$out"
}
login() { call POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }

say "Accounts: the admin creates the commissioner and a professional panelist; suppliers register"
ADMIN=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
call POST /users "$ADMIN" "{\"email\":\"amara.$RUN@council.example\",\"name\":\"Amara Okafor\",\"role\":\"commissioner\",\"password\":\"a long passphrase\"}" | jq -c '{id, role}'
PRO_ID=$(call POST /users "$ADMIN" "{\"email\":\"dr.lee.$RUN@nhs.example\",\"name\":\"Dr Jo Lee\",\"role\":\"panelist\",\"password\":\"a long passphrase\"}" | jq -r .id)
for org in "Mind Example" "Hope Works"; do
  slug=$(echo "$org" | tr 'A-Z ' 'a-z-')
  call POST /auth/register "" "{\"email\":\"bids.$RUN@$slug.example\",\"password\":\"a long passphrase\",\"name\":\"$org bids\",\"organisationName\":\"$org\",\"organisationType\":\"vcse\"}" | jq -c '{email, role, organisation}'
done
C=$(login "amara.$RUN@council.example" "a long passphrase")

say "The commissioner builds a small tender: the worked example of SCORING.md §10"
DEADLINE=$(date -u -d '+45 seconds' +%Y-%m-%dT%H:%M:%SZ)
T=$(call POST /tenders "$C" "{\"reference\":\"DEMO-$RUN\",\"title\":\"Peer-led recovery service\",\"bidDeadline\":\"$DEADLINE\",\"minScorers\":1}" | jq -r .id)
call POST /tenders/$T/criteria "$C" '{"code":"Q1","title":"Service quality","kind":"scored","category":"quality","weight":40}' | jq -c '{code, weight}'
call POST /tenders/$T/criteria "$C" '{"code":"C1","title":"Co-production","kind":"scored","category":"co_production","weight":30,"groupWeights":{"lived_experience":50,"professional":50},"plainGuidance":"Will people who use the service help run it? Look for real examples."}' | jq -c '{code, weight, groupWeights}'
call POST /tenders/$T/criteria "$C" '{"code":"P","title":"Price","kind":"price","weight":30}' | jq -c '{code, weight}'
call POST /tenders/$T/publish "$C" | jq -c '{status, bidDeadline}'

say "The panel: a service user added by name and email (no password) and a clinician"
LAY=$(call POST /tenders/$T/panel "$C" "{\"name\":\"Sam\",\"email\":\"sam.$RUN@example.org\",\"group\":\"lived_experience\",\"role\":\"service user\"}" | jq -r .id)
call POST /tenders/$T/panel "$C" "{\"userId\":\"$PRO_ID\",\"group\":\"professional\",\"role\":\"clinician\"}" | jq -c '{group, role}'
INVITE=$(call POST /tenders/$T/panel/$LAY/invitation "$C" | jq -r .token)
echo "one-time link token issued (send it as a link; it works once, for 14 days)"

say "Bidders submit sealed bids before the deadline"
for pair in "Mind Example:100000" "Hope Works:80000"; do
  org=${pair%%:*}; price=${pair##*:}; slug=$(echo "$org" | tr 'A-Z ' 'a-z-')
  B=$(login "bids.$RUN@$slug.example" "a long passphrase")
  BID=$(call POST /tenders/$T/bids "$B" "{\"bidderName\":\"$org\",\"price\":$price,\"responses\":[{\"criterion\":\"Q1\",\"text\":\"Our quality plan.\"},{\"criterion\":\"C1\",\"text\":\"Members co-run the service.\"}],\"commitments\":[{\"outcome\":\"Members in paid work or volunteering\",\"measure\":\"People per year\",\"target\":20,\"baseline\":8}]}" | jq -r .id)
  call POST /tenders/$T/bids/$BID/submit "$B" | jq -c '{bidderName, status, submittedAt}'
done
echo "The team sees only the count while the box is sealed:"
call GET /tenders/$T "$C" | jq -c '{status, submittedBidCount}'

say "After the deadline the team closes the tender and the box opens"
sleep $(( $(date -d "$DEADLINE" +%s) - $(date +%s) + 2 ))
call POST /tenders/$T/close "$C" | jq -c '{status, closedAt}'
BIDS=$(call GET /tenders/$T/bids "$C")
A=$(echo "$BIDS" | jq -r '.[] | select(.bidderName=="Mind Example") | .id')
B2=$(echo "$BIDS" | jq -r '.[] | select(.bidderName=="Hope Works") | .id')

say "Panelists sign in (Sam by the one-time link), declare interests, then score with reasons"
SAM=$(call POST /auth/invitation "" "{\"token\":\"$INVITE\"}" | jq -r .accessToken)
PRO=$(login "dr.lee.$RUN@nhs.example" "a long passphrase")
for who in "$SAM" "$PRO"; do for bid in $A $B2; do call PUT /tenders/$T/declarations/$bid "$who" '{"conflict":false}' >/dev/null; done; done
echo "Sam's guidance, in plain words:"; call GET /tenders/$T/assignments "$SAM" | jq -r '[.. | .guidance? // empty] | unique | .[]'
score() { call PUT /tenders/$T/bids/$2/scores/$3 "$1" "{\"score\":$4,\"rationale\":\"$5\"}" >/dev/null; }
score "$SAM" $A Q1 4 "Clear plan, real examples."; score "$SAM" $A C1 5 "Members run groups now."
score "$SAM" $B2 Q1 3 "Some gaps."; score "$SAM" $B2 C1 4 "Good peer roles."
score "$PRO" $A Q1 3 "Adequate staffing detail."; score "$PRO" $A C1 2 "Involvement is mostly consultation."
score "$PRO" $B2 Q1 3 "Meets the specification."; score "$PRO" $B2 C1 4 "Credible co-production plan."
for who in "$SAM" "$PRO"; do for bid in $A $B2; do call POST /tenders/$T/bids/$bid/scores/submit "$who" >/dev/null; done; done

say "Moderation: every score with its reason, spreads and flags; consensus recorded with reasons"
call POST /tenders/$T/start-moderation "$C" | jq -c '{status}'
call GET /tenders/$T/moderation "$C" | jq -c '.items[] | {bid: .bidderName, criterion: .code, min, max, spread, flags: [.flags[]?.type]}'
for bid in $A $B2; do for code in Q1 C1; do
  call PUT /tenders/$T/bids/$bid/moderated/$code "$C" '{"score":4,"rationale":"Panel agreed after discussion of the evidence."}' >/dev/null
done; done
call PUT /tenders/$T/bids/$A/moderated/C1 "$C" '{"score":3,"rationale":"Revised: the lived-experience view on peer roles carried weight, the professional view on governance too."}' | jq -c '{version, score}'

say "Results: exact, explainable, ranked"
call GET /tenders/$T/results "$C" | jq -c '{complete, sensitivity: .sensitivity.sentence, bids: [.bids[] | {bidderName, rank, total, byCategory}]}'

say "Award, then exports for procurement"
call POST /tenders/$T/award "$C" '{}' | jq -c '{status, awardedBidId}'
curl -s -o "evaluation-matrix-$RUN.xlsx" -w 'evaluation matrix: %{http_code} %{size_download} bytes\n' -H "Authorization: Bearer $C" "$API/tenders/$T/exports/evaluation-matrix.xlsx"
curl -s -H "Authorization: Bearer $C" "$API/tenders/$T/exports/scores.csv" | head -3
call GET /tenders/$T/audit "$C" | jq -r '.[] | "\(.seq) \(.action)"' | tail -5
