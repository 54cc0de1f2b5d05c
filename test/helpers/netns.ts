/**
 * Network namespaces for the sync fault tests (sync.md §6.1–6.2; this kernel has no netem). Each
 * commune PC gets its own namespace joined to the test's namespace by a veth pair; the hub side
 * of the pair is the PC's only way out. nftables rules in the PC's namespace drop packets at
 * random, drop everything (a partition: calls hang until their timeout) or answer with TCP
 * resets (a hard failure). Names carry the test process id so parallel runs never collide, and
 * `teardown` removes everything even after a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Why namespaces cannot be made here, or undefined when they can (root with ip and nft). */
export const netnsUnavailable: string | undefined = (() => {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root (CI runs the suite as root)';
  for (const [tool, flag] of [['ip', '-V'], ['nft', '--version']] as const) {
    const probe = spawnSync(tool, [flag], { stdio: 'ignore' });
    if (probe.error !== undefined) return `\`${tool}\` is missing: run scripts/setup (Debian packages iproute2 and nftables)`;
  }
  const name = `mhprobe${process.pid}`;
  const made = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
  if (made.status !== 0) return `\`ip netns add\` failed: ${made.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', name]);
  return undefined;
})();

const run = (cmd: string, args: readonly string[]): void => void execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** One PC's namespace and the link to it. */
export interface PcLink {
  readonly ns: string;
  /** The test side of the veth pair: where the PC finds the hub (a fault proxy listens here). */
  readonly hostAddress: string;
  readonly pcAddress: string;
  /** Drops `percent` of the PC's packets to the hub at random (TCP retransmits hide some). */
  loss(percent: number): void;
  /** Drops every packet to the hub: connections hang until their timeouts. */
  partition(): void;
  /** Answers every new packet to the hub's `port` with a TCP reset: calls fail at once. */
  reset(port: number): void;
  /** Removes every fault rule. */
  heal(): void;
  /** The argv prefix that runs a command inside the namespace. */
  readonly exec: readonly string[];
}

/** The namespaces made by one test. */
export interface Namespaces {
  readonly pcs: readonly PcLink[];
  teardown(): void;
}

/** Makes `count` PC namespaces, 10.<subnet>.<i>.0/24 each, with an empty nftables chain ready for faults. */
export function createPcNamespaces(count: number, subnet = 77): Namespaces {
  const tag = `mh${process.pid % 100_000}`;
  const made: { ns: string; hostIf: string }[] = [];
  const teardown = (): void => {
    for (const { ns, hostIf } of made) {
      spawnSync('ip', ['link', 'del', hostIf], { stdio: 'ignore' });
      spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    }
    made.length = 0;
  };
  try {
    const pcs = Array.from({ length: count }, (_, index): PcLink => {
      const i = index + 1;
      const ns = `${tag}pc${i}`;
      const hostIf = `${tag}h${i}`;
      const pcIf = `${tag}p${i}`;
      const hostAddress = `10.${subnet}.${i}.1`;
      const pcAddress = `10.${subnet}.${i}.2`;
      run('ip', ['netns', 'add', ns]);
      made.push({ ns, hostIf });
      run('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', pcIf]);
      run('ip', ['link', 'set', pcIf, 'netns', ns]);
      run('ip', ['addr', 'add', `${hostAddress}/24`, 'dev', hostIf]);
      run('ip', ['link', 'set', hostIf, 'up']);
      run('ip', ['-n', ns, 'addr', 'add', `${pcAddress}/24`, 'dev', pcIf]);
      run('ip', ['-n', ns, 'link', 'set', pcIf, 'up']);
      run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
      const nft = (...args: string[]): void => run('ip', ['netns', 'exec', ns, 'nft', ...args]);
      nft('add', 'table', 'inet', 'chaos');
      nft('add', 'chain', 'inet', 'chaos', 'out', '{ type filter hook output priority 0; policy accept; }');
      const rule = (...match: string[]): void => nft('add', 'rule', 'inet', 'chaos', 'out', 'ip', 'daddr', hostAddress, ...match);
      return {
        ns,
        hostAddress,
        pcAddress,
        loss: (percent) => rule('numgen', 'random', 'mod', '100', '<', String(percent), 'drop'),
        partition: () => rule('drop'),
        reset: (port) => rule('tcp', 'dport', String(port), 'reject', 'with', 'tcp', 'reset'),
        heal: () => nft('flush', 'chain', 'inet', 'chaos', 'out'),
        exec: ['ip', 'netns', 'exec', ns],
      };
    });
    return { pcs, teardown };
  } catch (error) {
    teardown();
    throw error;
  }
}
