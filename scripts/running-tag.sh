#!/usr/bin/env bash
# Prints the image tag an environment's service runs now (from its ECS task definition), so CI can roll back to it
# when a deployment passes ECS's checks but fails the smoke test. Prints nothing when the service does not exist yet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/running-tag.sh [options]
  --env dev|prod      environment (cluster ai-assistants-<env>)          [default: dev]
  --region REGION     AWS region (default: $AWS_REGION, then the profile's region)
  --profile NAME      AWS named profile
  --service NAME      the service to read (default: backend-api)
  --dry-run           print the AWS calls, make none
  -h, --help          this text
USAGE
}

ENV_NAME="dev"; REGION="${AWS_REGION:-}"; PROFILE=""; SERVICE="backend-api"; DRY_RUN=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) ENV_NAME="${2:?--env needs a value}"; shift 2 ;;
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    --profile) PROFILE="${2:?--profile needs a value}"; shift 2 ;;
    --service) SERVICE="${2:?--service needs a value}"; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
[[ "$ENV_NAME" == dev || "$ENV_NAME" == prod ]] || die "--env must be dev or prod"
check_services "$SERVICE"
CLUSTER="ai-assistants-$ENV_NAME"
REGION_ARGS=(); [[ -n "$REGION" ]] && REGION_ARGS=(--region "$REGION")
aws_cli() { if [[ -n "$PROFILE" ]]; then aws --profile "$PROFILE" "$@"; else aws "$@"; fi; }

if [[ $DRY_RUN -eq 1 ]]; then
  log "dry run: no AWS call"
  log "1. aws ecs describe-services --cluster $CLUSTER --services $SERVICE -> its task definition"
  log "2. aws ecs describe-task-definition -> container $SERVICE's image; print the part after the last ':'"
  exit 0
fi
command -v aws >/dev/null || die "the AWS CLI is required"
task_definition="$(aws_cli ecs describe-services "${REGION_ARGS[@]}" --cluster "$CLUSTER" --services "$SERVICE" \
  --query "services[?status=='ACTIVE'] | [0].taskDefinition" --output text)" || die "cannot describe $CLUSTER/$SERVICE"
if [[ -z "$task_definition" || "$task_definition" == "None" ]]; then
  log "$CLUSTER has no active service $SERVICE yet"; exit 0
fi
image="$(aws_cli ecs describe-task-definition "${REGION_ARGS[@]}" --task-definition "$task_definition" \
  --query "taskDefinition.containerDefinitions[?name=='$SERVICE'] | [0].image" --output text)" \
  || die "cannot describe $task_definition"
[[ "$image" == *:* && "$image" != "None" ]] || die "$task_definition has no tagged image for $SERVICE"
log "$CLUSTER/$SERVICE runs $image"
printf '%s\n' "${image##*:}"
