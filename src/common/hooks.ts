import type { EntityManager } from 'typeorm';

export type Hook<T> = (em: EntityManager, event: T) => Promise<void>;

/**
 * Things to do inside a change's own unit of work, registered by a feature the changing one
 * does not know (notifications enqueue their email here), so the dependency points one way:
 * the listener imports the feature, never the reverse. Each feature subclasses it as an
 * injectable of its own (`InvitationHooks`, `ScoringHooks`, `ClarificationHooks`).
 */
export class Hooks<T> {
  private readonly hooks: Hook<T>[] = [];

  on(hook: Hook<T>): void {
    this.hooks.push(hook);
  }

  async run(em: EntityManager, event: T): Promise<void> {
    for (const hook of this.hooks) await hook(em, event);
  }
}
