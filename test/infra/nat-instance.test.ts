import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAT_INSTALL_ATTEMPTS, NAT_INSTALL_RETRY_SECONDS } from '../../lib/nat-instance';
import { synthesize } from './synth';
import { resourcesOf, type CfnResource } from './template';

const REFS: Record<string, string> = { 'AWS::StackName': 'Plume', 'AWS::Region': 'eu-west-1' };

/** The text of a template value built from strings, Fn::Join, Fn::Base64 and pseudo-parameter Refs. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if ('Fn::Base64' in node) return render(node['Fn::Base64']);
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(render).join(separator);
  }
  if ('Ref' in node && typeof node.Ref === 'string' && node.Ref in REFS) return REFS[node.Ref]!;
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}

/**
 * Stand-ins for every command the script runs, on a PATH that holds nothing else (so nothing
 * real, such as iptables or sysctl on this machine, can ever run). Each records its arguments.
 */
const STUBS: Record<string, string> = {
  // Fails the first $DNF_FAILURES calls, as when cloud-init's `dnf clean all` races it.
  dnf: `n=$(cat "$STATE/dnf" 2>/dev/null || echo 0); echo $((n + 1)) > "$STATE/dnf"
[ "$n" -lt "\${DNF_FAILURES:-0}" ] && { echo "No such file or directory: cached package" >&2; exit 1; }
touch "$STATE/installed"`,
  rpm: `[ -f "$STATE/installed" ]`,
  systemctl: `exit 0`,
  sysctl: `[ "$1" = -n ] && { echo "\${IP_FORWARD:-1}"; exit 0; }; exit 0`,
  ip: `echo "default via 10.0.0.1 dev ens5 proto dhcp src 10.0.0.10 metric 512"`,
  iptables: `case "$*" in
  "-t nat -C POSTROUTING -o ens5 -j MASQUERADE") exit 1 ;;
  "-t nat -S POSTROUTING") echo "-P POSTROUTING ACCEPT"; echo "-A POSTROUTING -o ens5 -j MASQUERADE" ;;
  "-S FORWARD") echo "-P FORWARD \${FORWARD_POLICY:-ACCEPT}" ;;
esac`,
  'iptables-save': `echo "*nat"; echo "-A POSTROUTING -o ens5 -j MASQUERADE"; echo COMMIT`,
  tee: `cat > "$STATE/tee-$(basename "$1")"`,
  curl: `exit 0`,
  sleep: `exit 0`,
  'cfn-signal': `exit 0`,
  seq: `i=$1; while [ "$i" -le "$2" ]; do echo "$i"; i=$((i + 1)); done`,
};

interface Run {
  status: number | null;
  output: string;
  calls: string[];
  state: string;
}

describe('NAT instance boot script', () => {
  let instance: CfnResource;
  let logicalId: string;
  let script: string;
  const dirs: string[] = [];

  beforeAll(() => {
    const { template } = synthesize();
    const instances = Object.entries(resourcesOf(template, 'AWS::EC2::Instance'));
    expect(instances).toHaveLength(1);
    [logicalId, instance] = instances[0]!;
    script = render(instance.Properties?.UserData);
  });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function runScript(env: Record<string, string> = {}, without: string[] = []): Run {
    const root = mkdtempSync(join(tmpdir(), 'plume-nat-'));
    dirs.push(root);
    const bin = join(root, 'bin');
    const state = join(root, 'state');
    execFileSync('mkdir', ['-p', bin, state]);
    for (const tool of ['awk', 'grep', 'cat', 'touch', 'basename']) {
      symlinkSync(
        execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(),
        join(bin, tool),
      );
    }
    for (const [name, body] of Object.entries(STUBS).filter(([stub]) => !without.includes(stub))) {
      const file = join(bin, name);
      writeFileSync(file, `#!/bin/bash\necho "${name} $*" >> "$STATE/calls"\n${body}\n`);
      chmodSync(file, 0o755);
    }
    const scriptFile = join(root, 'user-data.sh');
    writeFileSync(scriptFile, script);
    // The script appends /opt/aws/bin to PATH; nothing of this machine's own PATH is kept.
    const result = spawnSync('/bin/bash', [scriptFile], {
      env: { PATH: bin, STATE: state, ...env },
      encoding: 'utf8',
    });
    let calls: string[] = [];
    try {
      calls = readFileSync(join(state, 'calls'), 'utf8').trim().split('\n');
    } catch {
      calls = [];
    }
    return { status: result.status, output: result.stdout + result.stderr, calls, state };
  }

  const signals = (run: Run) => run.calls.filter((call) => call.startsWith('cfn-signal '));

  it('replaces CDK default user data and makes CloudFormation wait for the ready signal', () => {
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).not.toContain('service iptables save');
    expect(script).not.toMatch(/\broute \|/);
    expect(instance).toMatchObject({
      CreationPolicy: { ResourceSignal: { Count: 1, Timeout: 'PT15M' } },
    });
    expect(spawnSync('/bin/bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('retries the package install that fails under a concurrent dnf, then reports ready', () => {
    const run = runScript({ DNF_FAILURES: '2' });
    expect(run.status, run.output).toBe(0);
    expect(run.calls.filter((call) => call.startsWith('dnf '))).toEqual([
      'dnf install -y iptables-services',
      'dnf install -y iptables-services',
      'dnf install -y iptables-services',
    ]);
    expect(run.calls.filter((call) => call.startsWith('sleep '))).toEqual([
      `sleep ${NAT_INSTALL_RETRY_SECONDS}`,
      `sleep ${NAT_INSTALL_RETRY_SECONDS}`,
    ]);
    // Forwarding on and persisted, masquerading behind the default route's interface, rules saved.
    expect(readFileSync(join(run.state, 'tee-90-plume-nat.conf'), 'utf8')).toBe('net.ipv4.ip_forward=1\n');
    expect(run.calls).toContain('iptables -t nat -A POSTROUTING -o ens5 -j MASQUERADE');
    expect(run.calls).toContain('iptables -F FORWARD');
    expect(readFileSync(join(run.state, 'tee-iptables'), 'utf8')).toContain('-o ens5 -j MASQUERADE');
    expect(signals(run)).toEqual([
      `cfn-signal --exit-code 0 --reason NAT ready on ens5 --stack Plume --resource ${logicalId} --region eu-west-1`,
    ]);
  });

  it('installs cfn-signal when the image lacks it, so the signal can always be sent', () => {
    const run = runScript({}, ['cfn-signal']);
    expect(run.calls).toContain('dnf install -y aws-cfn-bootstrap');
    const withIt = runScript();
    expect(withIt.calls).not.toContain('dnf install -y aws-cfn-bootstrap');
  });

  it('gives up after its attempts and fails the deploy with the reason', () => {
    const run = runScript({ DNF_FAILURES: '1000' });
    expect(run.status).toBe(1);
    expect(run.calls.filter((call) => call.startsWith('dnf '))).toHaveLength(NAT_INSTALL_ATTEMPTS);
    expect(signals(run)).toEqual([
      `cfn-signal --exit-code 1 --reason iptables-services could not be installed --stack Plume --resource ${logicalId} --region eu-west-1`,
    ]);
  });

  it('checks that forwarding really is on before saying ready', () => {
    const off = runScript({ IP_FORWARD: '0' });
    expect(off.status).toBe(1);
    expect(signals(off)[0]).toContain('--exit-code 1 --reason IP forwarding is off');

    const dropping = runScript({ FORWARD_POLICY: 'DROP' });
    expect(dropping.status).toBe(1);
    expect(signals(dropping)[0]).toContain('--exit-code 1 --reason the FORWARD chain does not accept');
  });
});
