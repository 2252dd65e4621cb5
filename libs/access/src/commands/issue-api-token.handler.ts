import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeciderRunner } from '@ancrage/platform';
import { newApiToken } from '../auth/api-token';
import { userStream } from '../domain/access.events';
import { userDecider } from '../domain/user.decider';
import { IssueApiToken, IssuedToken } from './issue-api-token.command';

@CommandHandler(IssueApiToken)
export class IssueApiTokenHandler implements ICommandHandler<IssueApiToken> {
  constructor(private readonly runner: DeciderRunner) {}

  async execute({ userId, label, expiresAt, context }: IssueApiToken): Promise<IssuedToken> {
    const { token, tokenId, secretSha256 } = newApiToken(userId);
    // No idempotency key here: a retried issue must mint a new secret, never replay an old one.
    const outcome = await this.runner.run({
      streamId: userStream(userId),
      agency: null,
      decider: userDecider,
      command: { kind: 'issue-token', tokenId, secretSha256, label, expiresAt },
      context: { ...context, idempotencyKey: null },
    });
    return { outcome, tokenId, token };
  }
}
