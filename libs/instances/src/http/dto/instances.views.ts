import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CommandResponse, DateProperty, IntegerProperty, PageOf } from '@ancrage/platform';
import { ATTENDEE_ROLES, INSTANCE_KINDS } from '../../domain/instances.events';

export class InstanceRecordedView extends CommandResponse {
  @ApiProperty({ example: 'spep-montreuillois' }) instanceId: string;
}

export class MeetingRecordedView extends CommandResponse {
  @ApiProperty({ example: 'spep-2018-03' }) meetingId: string;
}

export class AttendanceView {
  @IntegerProperty({ description: 'meetings recorded' }) meetings: number;
  @IntegerProperty({ description: 'of which the agency was represented at' }) attended: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.75, description: 'attended / meetings; null without meetings' })
  rate: number | null;
}

export class InstanceView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ example: 'spep-montreuillois' }) instanceId: string;
  @ApiProperty({ enum: INSTANCE_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'string', nullable: true }) convenorPartnerId: string | null;
  @ApiProperty({ type: [String] }) memberPartnerIds: string[];
  @DateProperty({ description: 'the day the agency joined' }) joinedOn: string;
  @DateProperty({ nullable: true, description: 'the day the agency left (null: still a member)' }) leftOn: string | null;
  @ApiProperty({ type: 'string', nullable: true }) leaveReason: string | null;
}

export class InstanceOfYearView extends InstanceView {
  @ApiProperty({ type: AttendanceView, description: 'the meetings of the year' }) attendance: AttendanceView;
  @DateProperty({ nullable: true, description: 'the last meeting of the year' }) lastMeetingOn: string | null;
}

export class InstanceTotalsView extends AttendanceView {
  @IntegerProperty({ description: 'instances the agency sat in during the year' }) instances: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(AttendanceView) },
    description: 'keyed by instance kind: the kinds of the year',
  })
  byKind: Record<string, AttendanceView>;
}

export class InstancesOfYearView extends PageOf(InstanceOfYearView) {
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ type: InstanceTotalsView, description: 'over every instance of the year, not only this page' }) totals: InstanceTotalsView;
}

export class InstanceMeetingView {
  @ApiProperty({ example: 'spep-2018-03' }) meetingId: string;
  @DateProperty() date: string;
  @ApiProperty() attended: boolean;
  @ApiProperty({ enum: ATTENDEE_ROLES, isArray: true }) attendedBy: string[];
  @ApiProperty() topic: string;
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
}

export class InstanceDetailView extends InstanceView {
  @ApiProperty({ type: [InstanceMeetingView], description: 'every meeting, by date' }) meetings: InstanceMeetingView[];
  @ApiProperty({ type: AttendanceView, description: 'over every meeting recorded' }) attendance: AttendanceView;
}
