#!/usr/bin/env bash
# The "Lint articles" step of action.yml: run cpolint once, write SARIF for code scanning,
# print annotations, and hand the exit status to the workflow (it fails after the upload).
set -uo pipefail
read -r -a paths <<< "${CPOLINT_PATHS:-.}"
read -r -a extra <<< "${CPOLINT_ARGS:-}"
status=0
if [ "${CPOLINT_SARIF:-true}" = "true" ]; then
  cpolint check "${paths[@]}" "${extra[@]}" --format sarif --output-file cpolint.sarif --no-progress || status=$?
  if [ "${CPOLINT_ANNOTATIONS:-true}" = "true" ] && [ "$status" -ne 2 ]; then
    # Served from the result cache the first run filled: cheap.
    cpolint check "${paths[@]}" "${extra[@]}" --format github --no-progress || true
  fi
else
  fmt=text
  [ "${CPOLINT_ANNOTATIONS:-true}" = "true" ] && fmt=github
  cpolint check "${paths[@]}" "${extra[@]}" --format "$fmt" --no-progress || status=$?
fi
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
