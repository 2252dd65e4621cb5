import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AGENCY_DIRECTORY, AgencyDirectory } from '@ancrage/access';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { DomainError } from '@ancrage/shared-kernel';
import { fundDecider } from '../domain/fund.decider';
import { fundStream } from '../domain/fund.events';
import { AllocateEnvelope } from './allocate-envelope.command';

/** The envelope records the agency's region, so roll-ups never need to join another context. */
@CommandHandler(AllocateEnvelope)
export class AllocateEnvelopeHandler implements ICommandHandler<AllocateEnvelope> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  async execute({ safir, year, amountCents, context, allocatedOn }: AllocateEnvelope): Promise<CommandOutcome> {
    const region = await this.agencies.regionOf(safir);
    if (!region) throw new DomainError('AGENCY_NOT_FOUND', `no agency ${safir}: register it first`, 'not_found', 'safir');
    return this.runner.run({
      streamId: fundStream(safir, year),
      agency: safir,
      decider: fundDecider,
      command: { kind: 'allocate', safir, year, region, amountCents, allocatedOn },
      context,
    });
  }
}
