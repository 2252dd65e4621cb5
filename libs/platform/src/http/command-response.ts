import { ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome } from '../commands/decider-runner';

/** What every command answers: where it wrote, so a following query can ask to see it. */
export class CommandResponse {
  @ApiProperty({ description: 'Stream the command wrote to' }) streamId: string;
  @ApiProperty({ description: 'Global position of the last event written (null when nothing changed)', nullable: true, type: Number })
  position: number | null;
  @ApiProperty({ type: [String], description: 'Types of the events recorded' }) events: string[];
  @ApiProperty({ description: 'True when this Idempotency-Key had already been recorded: nothing new was written' })
  replayed: boolean;
}

export function commandResponse<T extends object>(outcome: CommandOutcome, extra?: T): CommandResponse & T {
  return {
    streamId: outcome.streamId,
    position: outcome.position,
    events: outcome.events.map((e) => e.type),
    replayed: outcome.replayed,
    ...(extra ?? ({} as T)),
  };
}
