import { Aws, Duration, Stack, type CfnElement } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** How long CloudFormation waits for the NAT instance to report itself ready. */
export const NAT_READY_TIMEOUT = Duration.minutes(15);
/** Attempts at installing iptables-services, and the pause between them. */
export const NAT_INSTALL_ATTEMPTS = 10;
export const NAT_INSTALL_RETRY_SECONDS = 15;

export interface NatSignalTarget {
  stackName: string;
  /** Logical id of the instance's CloudFormation resource (its CreationPolicy waits for the signal). */
  logicalId: string;
  region: string;
}

/**
 * The NAT instance's boot script (Amazon Linux 2023), replacing CDK's default, which runs one
 * `yum install iptables-services` with no retry: cloud-init's own dnf run may clean the cache
 * under it (aws-cdk issue 36717), leaving an instance that forwards nothing. Without egress the
 * deploy-time migration cannot reach Secrets Manager and the whole stack rolls back after the
 * trigger's timeout. This script retries the install, configures forwarding and masquerading
 * (found with `ip`, persisted with `iptables-save`: AL2023 has no `service iptables save`), then
 * checks what it set up and reports to CloudFormation with cfn-signal, so a NAT that cannot work
 * fails the deploy at once with its reason instead of a timeout further on.
 *
 * Files are written through `tee` and every command is looked up on PATH, so the test runs this
 * exact script with stand-in commands (test/infra/nat-instance.test.ts).
 */
export function natInstanceSetupScript(target: NatSignalTarget): string[] {
  const signal = [
    'cfn-signal',
    '--exit-code "$1"',
    '--reason "$2"',
    `--stack '${target.stackName}'`,
    `--resource '${target.logicalId}'`,
    `--region '${target.region}'`,
  ].join(' ');
  return [
    'set -uo pipefail',
    // cfn-signal lives in /opt/aws/bin on Amazon Linux (package aws-cfn-bootstrap).
    'export PATH="$PATH:/opt/aws/bin"',
    'log() { echo "plume-nat: $*"; }',
    `signal() { ${signal} || log "cfn-signal failed"; }`,
    'fail() { log "FAILED: $1"; signal 1 "$1"; exit 1; }',
    '',
    'installed=no',
    `for attempt in $(seq 1 ${NAT_INSTALL_ATTEMPTS}); do`,
    '  if dnf install -y iptables-services; then installed=yes; break; fi',
    `  log "dnf install failed (attempt $attempt of ${NAT_INSTALL_ATTEMPTS}), retrying in ${NAT_INSTALL_RETRY_SECONDS} s"`,
    `  sleep ${NAT_INSTALL_RETRY_SECONDS}`,
    'done',
    '[ "$installed" = yes ] && rpm -q iptables-services >/dev/null || fail "iptables-services could not be installed"',
    // The AL2023 AMI ships cfn-signal (aws-cfn-bootstrap); should an image lack it, fetch it, or
    // CloudFormation would wait out the whole timeout for a signal that cannot come.
    `command -v cfn-signal >/dev/null || for attempt in $(seq 1 ${NAT_INSTALL_ATTEMPTS}); do dnf install -y aws-cfn-bootstrap && break; sleep ${NAT_INSTALL_RETRY_SECONDS}; done`,
    '',
    "echo 'net.ipv4.ip_forward=1' | tee /etc/sysctl.d/90-plume-nat.conf >/dev/null || fail 'could not write the sysctl file'",
    'sysctl -p /etc/sysctl.d/90-plume-nat.conf || fail "could not turn IP forwarding on"',
    "iface=$(ip -4 route show default | awk '{ print $5; exit }')",
    '[ -n "$iface" ] || fail "no default route to masquerade behind"',
    'systemctl enable --now iptables || fail "could not start iptables"',
    // The package's default rules end FORWARD with a REJECT: forwarding is the whole point here.
    'iptables -F FORWARD && iptables -P FORWARD ACCEPT || fail "could not open the FORWARD chain"',
    'iptables -t nat -C POSTROUTING -o "$iface" -j MASQUERADE 2>/dev/null ||',
    '  iptables -t nat -A POSTROUTING -o "$iface" -j MASQUERADE || fail "could not add the masquerade rule"',
    'iptables-save | tee /etc/sysconfig/iptables >/dev/null || fail "could not persist the iptables rules"',
    '',
    // Check what forwarding needs, then the instance's own way out (its public address).
    '[ "$(sysctl -n net.ipv4.ip_forward)" = 1 ] || fail "IP forwarding is off"',
    'iptables -t nat -S POSTROUTING | grep -q -- "-o $iface -j MASQUERADE" || fail "the masquerade rule is missing"',
    'iptables -S FORWARD | grep -q -- "^-P FORWARD ACCEPT" || fail "the FORWARD chain does not accept"',
    'if iptables -S FORWARD | grep -q -- "-j REJECT\\|-j DROP"; then fail "the FORWARD chain drops traffic"; fi',
    `curl -sS -o /dev/null --max-time 10 --retry 5 --retry-all-errors "https://cloudformation.${target.region}.amazonaws.com/" || fail "no route to the internet"`,
    'signal 0 "NAT ready on $iface"',
  ];
}

/** User data for the NAT instance(s); filled in by `configureNatInstance` once the instance exists. */
export function natInstanceUserData(): ec2.UserData {
  return ec2.UserData.forLinux();
}

/**
 * Writes the setup script into the instance's user data and makes CloudFormation wait for its
 * signal: the instance, and so the private subnets' default route and every VPC Lambda
 * (which depend on that route), only count as created once forwarding works.
 */
export function configureNatInstance(instance: ec2.Instance, userData: ec2.UserData): void {
  const cfnInstance = instance.node.defaultChild as ec2.CfnInstance;
  const stack = Stack.of(instance);
  userData.addCommands(
    ...natInstanceSetupScript({
      stackName: Aws.STACK_NAME,
      logicalId: stack.resolve(stack.getLogicalId(cfnInstance as CfnElement)) as string,
      region: Aws.REGION,
    }),
  );
  cfnInstance.cfnOptions.creationPolicy = {
    resourceSignal: { count: 1, timeout: `PT${NAT_READY_TIMEOUT.toMinutes()}M` },
  };
}
