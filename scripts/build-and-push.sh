#!/usr/bin/env bash
# Builds the service images with Jib and pushes them to ECR, tagged with the git SHA.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/build-and-push.sh [options]
  --region REGION     AWS region (default: $AWS_REGION, then the profile's region)
  --account ID        AWS account id (default: from `aws sts get-caller-identity`)
  --profile NAME      AWS named profile for the CLI calls
  --services a,b      subset of services (default: all six)
  --tag TAG           image tag (default: git SHA, 12 chars; "-dirty" appended for uncommitted changes)
  --latest            also move the "latest" tag
  --base-image IMAGE  base image (default eclipse-temurin:25-jre; tar:///path/base.tar or scratch work offline)
  --with-tests        run the test suites before building (default: skipped, CI runs them separately)
  --tar               build local image tarballs (<module>/target/jib-image.tar) instead of pushing; no AWS needed
  --dry-run           print what would be done, run nothing
  -h, --help          this text
Exit status is non-zero on any failure.
USAGE
}

REGION="${AWS_REGION:-}"; ACCOUNT=""; PROFILE=""; SERVICES="$ALL_SERVICES"; TAG=""; LATEST=0
BASE_IMAGE=""; WITH_TESTS=0; TAR=0; DRY_RUN=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --region) REGION="${2:?--region needs a value}"; shift 2 ;;
    --account) ACCOUNT="${2:?--account needs a value}"; shift 2 ;;
    --profile) PROFILE="${2:?--profile needs a value}"; shift 2 ;;
    --services) SERVICES="${2:?--services needs a value}"; shift 2 ;;
    --tag) TAG="${2:?--tag needs a value}"; shift 2 ;;
    --latest) LATEST=1; shift ;;
    --base-image) BASE_IMAGE="${2:?--base-image needs a value}"; shift 2 ;;
    --with-tests) WITH_TESTS=1; shift ;;
    --tar) TAR=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
check_services "$SERVICES"
cd "$REPO_ROOT"

GIT_SHA="$(git rev-parse --short=12 HEAD 2>/dev/null)" || die "not a git checkout: cannot tag by SHA (use --tag)"
if [[ -z "$TAG" ]]; then
  TAG="$GIT_SHA"
  git diff --quiet HEAD -- 2>/dev/null || TAG="$TAG-dirty"
fi
[[ "$TAG" =~ ^[A-Za-z0-9_.-]{1,128}$ ]] || die "invalid tag '$TAG'"

aws_cli() { if [[ -n "$PROFILE" ]]; then aws --profile "$PROFILE" "$@"; else aws "$@"; fi; }

if [[ $TAR -eq 1 ]]; then
  REGISTRY="local"
else
  if [[ -z "$REGION" ]]; then
    if [[ $DRY_RUN -eq 1 ]]; then REGION="<region>"; else
      REGION="$(aws_cli configure get region 2>/dev/null || true)"
      [[ -n "$REGION" ]] || die "no region: pass --region or set AWS_REGION"
    fi
  fi
  if [[ -z "$ACCOUNT" ]]; then
    if [[ $DRY_RUN -eq 1 ]]; then ACCOUNT="<account>"; else
      ACCOUNT="$(aws_cli sts get-caller-identity --query Account --output text)" || die "cannot resolve the AWS account (credentials?)"
    fi
  fi
  REGISTRY="$ACCOUNT.dkr.ecr.$REGION.amazonaws.com"
fi

GOAL="com.google.cloud.tools:jib-maven-plugin:build"
[[ $TAR -eq 1 ]] && GOAL="com.google.cloud.tools:jib-maven-plugin:buildTar"
MVN_ARGS=(-B -pl "$SERVICES" -am package "$GOAL" "-Dimage.registry=$REGISTRY" "-Dimage.tag=$TAG" "-Dgit.sha=$GIT_SHA")
[[ $WITH_TESTS -eq 1 ]] || MVN_ARGS+=(-DskipTests)
[[ -n "$BASE_IMAGE" ]] && MVN_ARGS+=("-Dimage.base=$BASE_IMAGE")
[[ $LATEST -eq 1 && $TAR -eq 0 ]] && MVN_ARGS+=("-Djib.to.tags=latest")

IFS=',' read -ra SERVICE_LIST <<<"$SERVICES"
if [[ $DRY_RUN -eq 1 ]]; then
  log "dry run: nothing is built, logged in or pushed"
  step=1
  if [[ $TAR -eq 0 ]]; then
    log "$step. log in to ECR: aws${PROFILE:+ --profile $PROFILE} ecr get-login-password --region $REGION -> temporary DOCKER_CONFIG with an auth entry for $REGISTRY"; step=$((step+1))
  fi
  log "$step. build: mvn ${MVN_ARGS[*]}"; step=$((step+1))
  for s in "${SERVICE_LIST[@]}"; do
    if [[ $TAR -eq 1 ]]; then
      log "$step. $s -> $s/target/jib-image.tar ($REGISTRY/ai-assistants/$s:$TAG, label org.opencontainers.image.revision=$GIT_SHA)"
    else
      log "$step. push $REGISTRY/ai-assistants/$s:$TAG$([[ $LATEST -eq 1 ]] && echo " and :latest")"
    fi
    step=$((step+1))
  done
  printf '%s\n' "$TAG"
  exit 0
fi

find_jdk25
if [[ $TAR -eq 0 ]]; then
  command -v aws >/dev/null || die "the AWS CLI is required to log in to ECR"
  DOCKER_CONFIG="$(mktemp -d)"; export DOCKER_CONFIG
  trap 'rm -rf "$DOCKER_CONFIG"' EXIT
  TOKEN="$(aws_cli ecr get-login-password --region "$REGION")" || die "ECR login failed"
  AUTH="$(printf 'AWS:%s' "$TOKEN" | base64 -w0)"
  umask 077
  printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$REGISTRY" "$AUTH" >"$DOCKER_CONFIG/config.json"
  unset TOKEN AUTH
  log "logged in to $REGISTRY"
fi

log "building ${SERVICES//,/ } as $REGISTRY/ai-assistants/<service>:$TAG"
mvn_cmd "${MVN_ARGS[@]}" >&2 || die "image build failed"
for s in "${SERVICE_LIST[@]}"; do
  if [[ $TAR -eq 1 ]]; then
    [[ -s "$s/target/jib-image.tar" ]] || die "$s/target/jib-image.tar was not produced"
    log "built $s/target/jib-image.tar"
  else
    log "pushed $REGISTRY/ai-assistants/$s:$TAG"
  fi
done
# the tag on stdout so CI can hand it to deploy.sh
printf '%s\n' "$TAG"
