import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';

export interface IssuedToken {
  outcome: CommandOutcome;
  tokenId: string;
  /** Shown once: only its hash is stored. */
  token: string;
}

export class IssueApiToken extends Command<IssuedToken> {
  constructor(
    readonly userId: string,
    readonly label: string,
    readonly expiresAt: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
