/**
 * The media-container life cycle shared by the Instagram and Threads stand-ins: each status
 * read reports the head of a scripted list of states and moves on, the last state sticks.
 */
export interface ScriptedState {
  state: 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';
  detail?: string;
}

export interface StandInContainer {
  id: string;
  owner: string;
  params: Record<string, string>;
  states: ScriptedState[];
}

export class ContainerStore {
  readonly containers = new Map<string, StandInContainer>();
  /** Scripts for the next containers created, in order; otherwise `defaultScript` decides. */
  readonly scripts: ScriptedState[][] = [];
  private sequence = 0;

  constructor(private readonly defaultScript: (params: Record<string, string>) => ScriptedState[]) {}

  create(owner: string, params: Record<string, string>): StandInContainer {
    this.sequence += 1;
    const container: StandInContainer = {
      id: `9000000000${this.sequence}`,
      owner,
      params,
      states: this.scripts.shift() ?? this.defaultScript(params),
    };
    this.containers.set(container.id, container);
    return container;
  }

  /** What a status read reports now; processing moves on to the next scripted state. */
  poll(container: StandInContainer): ScriptedState {
    const reported = container.states[0]!;
    if (container.states.length > 1) container.states.shift();
    return reported;
  }

  current(container: StandInContainer): ScriptedState {
    return container.states[0]!;
  }

  markPublished(container: StandInContainer): void {
    container.states = [{ state: 'PUBLISHED' }];
  }
}

export const finished = (): ScriptedState[] => [{ state: 'FINISHED' }];
export const processing = (polls: number): ScriptedState[] => [
  ...Array.from({ length: polls }, () => ({ state: 'IN_PROGRESS' as const })),
  { state: 'FINISHED' },
];
