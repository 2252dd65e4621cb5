import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { CommandOutcome, DeciderRunner } from '@ancrage/platform';
import { DomainError } from '@ancrage/shared-kernel';
import { fundDecider } from '../domain/fund.decider';
import { fundStream } from '../domain/fund.events';
import { CorrectPayment } from './correct-payment.command';

@CommandHandler(CorrectPayment)
export class CorrectPaymentHandler implements ICommandHandler<CorrectPayment> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(c: CorrectPayment): Promise<CommandOutcome> {
    const streamId = fundStream(c.safir, c.year);
    const original = (await this.store.readStream(streamId)).find(
      (e) =>
        e.type === 'PaymentRecorded' &&
        (e.data as { paymentId: string; commitmentId: string }).paymentId === c.paymentId &&
        (e.data as { commitmentId: string }).commitmentId === c.commitmentId,
    );
    if (!original)
      throw new DomainError('PAYMENT_NOT_FOUND', `no payment ${c.paymentId} on commitment ${c.commitmentId}`, 'not_found', 'paymentId');
    return this.runner.run({
      streamId,
      agency: c.safir,
      decider: fundDecider,
      command: {
        kind: 'correct-payment',
        commitmentId: c.commitmentId,
        paymentId: c.paymentId,
        correctsEventId: original.eventId,
        correctedCents: c.correctedCents,
        reason: c.reason,
      },
      // The correcting event is caused by the one it corrects.
      context: { ...c.context, causationId: original.eventId },
    });
  }
}
