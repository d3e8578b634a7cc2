#!/usr/bin/env bash
# The script behind action.yml. It builds srm from the action's own
# checkout (or uses SRM_BIN), reviews the inputs as SARIF, writes the
# markdown review to the job summary, and records srm's exit code as a
# step output for the action's last step, so that the SARIF is uploaded
# before the job fails. Run it outside GitHub with the variables GitHub
# sets: GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT
# and the INPUT_* ones.
set -uo pipefail

srm=${SRM_BIN:-"$RUNNER_TEMP/srm"}
if [ ! -x "$srm" ]; then
  (cd "$GITHUB_ACTION_PATH" && go build -o "$srm" .) || { echo "exit-code=70" >> "$GITHUB_OUTPUT"; exit 0; }
fi

read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"
acks=()
if [ -n "${INPUT_ACKS:-}" ]; then
  acks=(--acks "$INPUT_ACKS")
fi
sarif=${INPUT_SARIF:-srm.sarif}

"$srm" review "${paths[@]}" "${acks[@]}" "${extra[@]}" -o sarif > "$sarif"
code=$?

# The summary is the same review for people; its exit code is the one
# above, so it is not checked again.
{
  echo "## srm review"
  echo
  "$srm" review "${paths[@]}" "${acks[@]}" "${extra[@]}" -o markdown 2>/dev/null
} >> "$GITHUB_STEP_SUMMARY"

if [ -s "$sarif" ]; then
  echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
