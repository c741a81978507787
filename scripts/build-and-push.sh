#!/usr/bin/env bash
# Builds the service images with Jib and pushes them to ECR, tagged with the git SHA; then builds the
# console (admin-frontend), uploads it to the environment's S3 bucket and invalidates CloudFront.
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
  --from-tars         push the tarballs an earlier `--tar` run left (same --tag) with docker instead of building:
                      CI builds once and pushes the same images to each environment's registry
  --no-images         console only: build or publish no image
  --env NAME          environment whose console to publish (stack AiAssistants-NAME-Edge; default: $AI_ASSISTANTS_ENV)
  --no-console        images only: do not build and publish the console
  --console-dist DIR  publish this already built console (e.g. a CI artifact of `npm run build`) instead of building it
  --cognito-authority URL / --cognito-client-id ID
                      the console signs in with Cognito's hosted UI (default: $AI_ASSISTANTS_COGNITO_AUTHORITY /
                      $AI_ASSISTANTS_COGNITO_CLIENT_ID; without them config.json says local sign-in)
  --dry-run           print what would be done, run nothing
  -h, --help          this text
Exit status is non-zero on any failure.
USAGE
}

REGION="${AWS_REGION:-}"; ACCOUNT=""; PROFILE=""; SERVICES="$ALL_SERVICES"; TAG=""; LATEST=0
BASE_IMAGE=""; WITH_TESTS=0; TAR=0; DRY_RUN=0; FROM_TARS=0; IMAGES=1; CONSOLE_DIST=""
ENV_NAME="${AI_ASSISTANTS_ENV:-}"; CONSOLE=1
COGNITO_AUTHORITY="${AI_ASSISTANTS_COGNITO_AUTHORITY:-}"; COGNITO_CLIENT_ID="${AI_ASSISTANTS_COGNITO_CLIENT_ID:-}"
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
    --from-tars) FROM_TARS=1; shift ;;
    --no-images) IMAGES=0; shift ;;
    --console-dist) CONSOLE_DIST="${2:?--console-dist needs a value}"; shift 2 ;;
    --env) ENV_NAME="${2:?--env needs a value}"; shift 2 ;;
    --no-console) CONSOLE=0; shift ;;
    --cognito-authority) COGNITO_AUTHORITY="${2:?--cognito-authority needs a value}"; shift 2 ;;
    --cognito-client-id) COGNITO_CLIENT_ID="${2:?--cognito-client-id needs a value}"; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
check_services "$SERVICES"
[[ $TAR -eq 1 && $FROM_TARS -eq 1 ]] && die "--tar builds the tarballs, --from-tars pushes them: one at a time"
[[ $IMAGES -eq 0 && ( $TAR -eq 1 || $FROM_TARS -eq 1 ) ]] && die "--no-images builds no image: drop --tar/--from-tars"
[[ $IMAGES -eq 0 && $CONSOLE -eq 0 ]] && die "--no-images with --no-console leaves nothing to do"
if [[ -n "$CONSOLE_DIST" && $DRY_RUN -eq 0 ]]; then
  CONSOLE_DIST="$(cd "$CONSOLE_DIST" 2>/dev/null && pwd)" || die "--console-dist: no such directory"
  [[ -f "$CONSOLE_DIST/index.html" ]] || die "--console-dist $CONSOLE_DIST has no index.html (not a console build)"
fi
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
elif [[ $IMAGES -eq 0 && -z "$ENV_NAME" ]]; then
  REGISTRY="none"
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

# ---- the console: S3 + CloudFront of the environment's edge stack ----
CONSOLE_DIR="$REPO_ROOT/admin-frontend"
CONSOLE_BUILD="${CONSOLE_DIST:-$CONSOLE_DIR/dist}"
if [[ $CONSOLE -eq 1 && -z "$CONSOLE_DIST" && ! -f "$CONSOLE_DIR/package.json" ]]; then
  log "console skipped: admin-frontend/package.json not found (nothing to build)"; CONSOLE=0
fi
if [[ $CONSOLE -eq 1 && ( $TAR -eq 1 || -z "$ENV_NAME" ) ]]; then
  log "console skipped: $([[ $TAR -eq 1 ]] && echo "--tar builds images only" || echo "no --env (or AI_ASSISTANTS_ENV) to publish it to")"; CONSOLE=0
fi
EDGE_STACK="AiAssistants-${ENV_NAME}-Edge"
# hashed assets forever; the entry points are revalidated on every load
IMMUTABLE="public,max-age=31536000,immutable"
NO_CACHE="no-cache"

console_config() {
  if [[ -n "$COGNITO_AUTHORITY" && -n "$COGNITO_CLIENT_ID" ]]; then
    printf '{"auth":{"mode":"cognito","authority":"%s","client_id":"%s","redirect_uri":"%s/","scope":"openid email"}}\n' \
      "$COGNITO_AUTHORITY" "$COGNITO_CLIENT_ID" "$1"
  else
    printf '{"auth":{"mode":"local"}}\n'
  fi
}

stack_output() {
  aws_cli cloudformation describe-stacks --region "$REGION" --stack-name "$EDGE_STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

publish_console() {
  local bucket distribution url
  bucket="$(stack_output ConsoleBucketName)" || die "cannot read $EDGE_STACK outputs"
  distribution="$(stack_output ConsoleDistributionId)"
  url="$(stack_output ConsoleUrl)"
  [[ -n "$bucket" && "$bucket" != "None" ]] || die "$EDGE_STACK has no ConsoleBucketName output"
  if [[ -z "$CONSOLE_DIST" ]]; then
    log "building the console (npm ci && npm run build)"
    (cd "$CONSOLE_DIR" && npm ci --no-audit --no-fund >&2 && npm run build >&2) || die "console build failed"
  else
    log "publishing the console built in $CONSOLE_DIST"
  fi
  console_config "$url" >"$CONSOLE_BUILD/config.json"
  log "uploading the console to s3://$bucket"
  aws_cli s3 sync "$CONSOLE_BUILD/assets" "s3://$bucket/assets" --region "$REGION" --cache-control "$IMMUTABLE" >&2
  aws_cli s3 sync "$CONSOLE_BUILD" "s3://$bucket" --region "$REGION" --exclude "assets/*" \
    --exclude index.html --exclude config.json --cache-control "$NO_CACHE" >&2
  for f in config.json index.html; do
    aws_cli s3 cp "$CONSOLE_BUILD/$f" "s3://$bucket/$f" --region "$REGION" --cache-control "$NO_CACHE" >&2
  done
  aws_cli cloudfront create-invalidation --distribution-id "$distribution" --paths "/index.html" "/config.json" "/" \
    --query Invalidation.Id --output text >&2 || die "CloudFront invalidation failed"
  log "console published: $url"
}

IFS=',' read -ra SERVICE_LIST <<<"$SERVICES"
if [[ $DRY_RUN -eq 1 ]]; then
  log "dry run: nothing is built, logged in or pushed"
  step=1
  if [[ $IMAGES -eq 1 && $TAR -eq 0 ]]; then
    if [[ $FROM_TARS -eq 1 ]]; then
      log "$step. log in to ECR: aws${PROFILE:+ --profile $PROFILE} ecr get-login-password --region $REGION | docker login --password-stdin $REGISTRY (temporary DOCKER_CONFIG)"
    else
      log "$step. log in to ECR: aws${PROFILE:+ --profile $PROFILE} ecr get-login-password --region $REGION -> temporary DOCKER_CONFIG with an auth entry for $REGISTRY"
    fi
    step=$((step+1))
  fi
  if [[ $IMAGES -eq 1 && $FROM_TARS -eq 0 ]]; then
    log "$step. build: mvn ${MVN_ARGS[*]}"; step=$((step+1))
  fi
  for s in "${SERVICE_LIST[@]}"; do
    [[ $IMAGES -eq 1 ]] || break
    if [[ $TAR -eq 1 ]]; then
      log "$step. $s -> $s/target/jib-image.tar ($REGISTRY/ai-assistants/$s:$TAG, label org.opencontainers.image.revision=$GIT_SHA)"
    elif [[ $FROM_TARS -eq 1 ]]; then
      log "$step. docker load -i $s/target/jib-image.tar; docker tag local/ai-assistants/$s:$TAG $REGISTRY/ai-assistants/$s:$TAG; docker push$([[ $LATEST -eq 1 ]] && echo " (and :latest)")"
    else
      log "$step. push $REGISTRY/ai-assistants/$s:$TAG$([[ $LATEST -eq 1 ]] && echo " and :latest")"
    fi
    step=$((step+1))
  done
  if [[ $CONSOLE -eq 1 ]]; then
    log "$step. console: read ConsoleBucketName, ConsoleDistributionId, ConsoleUrl from stack $EDGE_STACK"; step=$((step+1))
    if [[ -z "$CONSOLE_DIST" ]]; then
      log "$step. console: (cd admin-frontend && npm ci && npm run build)"; step=$((step+1))
    else
      log "$step. console: use the build in $CONSOLE_DIST"; step=$((step+1))
    fi
    log "$step. console: write ${CONSOLE_BUILD#"$REPO_ROOT"/}/config.json: $(console_config '<ConsoleUrl>')"; step=$((step+1))
    log "$step. console: upload dist/assets/* with Cache-Control $IMMUTABLE; index.html, config.json and the rest with $NO_CACHE"; step=$((step+1))
    log "$step. console: CloudFront invalidation of /index.html /config.json /"
  fi
  printf '%s\n' "$TAG"
  exit 0
fi

push_tars() {
  local s src target
  command -v docker >/dev/null || die "docker is required for --from-tars"
  for s in "${SERVICE_LIST[@]}"; do
    [[ -s "$s/target/jib-image.tar" ]] || die "$s/target/jib-image.tar is missing: build it first with --tar --tag $TAG"
  done
  aws_cli ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY" >&2 \
    || die "ECR login failed"
  for s in "${SERVICE_LIST[@]}"; do
    src="local/ai-assistants/$s:$TAG"; target="$REGISTRY/ai-assistants/$s:$TAG"
    docker load --quiet --input "$s/target/jib-image.tar" >&2 || die "docker load of $s failed"
    docker tag "$src" "$target" && docker push --quiet "$target" >&2 || die "push of $target failed"
    if [[ $LATEST -eq 1 ]]; then
      docker tag "$src" "$REGISTRY/ai-assistants/$s:latest" && docker push --quiet "$REGISTRY/ai-assistants/$s:latest" >&2 \
        || die "push of $REGISTRY/ai-assistants/$s:latest failed"
    fi
    log "pushed $target"
  done
}

if [[ $IMAGES -eq 1 && $FROM_TARS -eq 1 ]]; then
  command -v aws >/dev/null || die "the AWS CLI is required to log in to ECR"
  DOCKER_CONFIG="$(mktemp -d)"; export DOCKER_CONFIG
  trap 'rm -rf "$DOCKER_CONFIG"' EXIT
  push_tars
elif [[ $IMAGES -eq 1 ]]; then
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
fi
if [[ $CONSOLE -eq 1 ]]; then
  [[ -n "$CONSOLE_DIST" ]] || command -v npm >/dev/null || die "npm is required to build the console (or pass --no-console)"
  [[ -n "$REGION" && "$REGION" != "<region>" ]] || die "no region: pass --region or set AWS_REGION"
  publish_console
fi
# the tag on stdout so CI can hand it to deploy.sh
printf '%s\n' "$TAG"
