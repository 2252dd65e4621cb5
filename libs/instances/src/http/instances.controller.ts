import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { ReadModels } from '@ancrage/projections';
import {
  Access,
  ApiCommand,
  ApiView,
  AsOfQueryDto,
  CachedView,
  CommandContext,
  CommandResponse,
  commandResponse,
  cutOf,
  paginate,
  ReadConsistency,
  SafirParam,
} from '@ancrage/platform';
import { ChangeInstance, InstanceChange } from '../commands/change-instance.command';
import { attendanceOf, instancesOfYear } from '../read-models/instance-views';
import { InstanceMeetingRow, InstanceRow } from '../read-models/instances.entities';
import { instancesProjection } from '../read-models/instances.projection';
import {
  ChangeInstanceMembersDto,
  InstanceParams,
  InstancesQueryDto,
  JoinInstanceDto,
  LeaveInstanceDto,
  RecordInstanceMeetingDto,
} from './dto/instances.dto';
import { InstanceDetailView, InstanceRecordedView, InstancesOfYearView, MeetingRecordedView } from './dto/instances.views';

const NOT_BEFORE_JOINING = 'DATE_BEFORE_JOINING, FUTURE_DATE';

@ApiTags('instances')
@Controller('agencies/:safir/instances')
export class InstancesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  private change(p: InstanceParams, change: InstanceChange, ctx: CommandContext) {
    return this.commands.execute(new ChangeInstance(p.safir, p.instanceId, change, ctx));
  }

  @ApiCommand({
    summary: 'Record that the agency takes part in a local instance or network (SPE de proximité, cercle de l’alternance, club…)',
    response: InstanceRecordedView,
    conflict: 'INSTANCE_EXISTS',
    rule: 'UNKNOWN_PARTNER (a member or the convenor is not in the register), FUTURE_DATE',
  })
  @Post()
  @Access('agency.write')
  async join(@Param() { safir }: SafirParam, @Body() b: JoinInstanceDto, @Actor() ctx: CommandContext): Promise<InstanceRecordedView> {
    const change: InstanceChange = {
      kind: 'join',
      instanceKind: b.kind,
      name: b.name,
      convenorPartnerId: b.convenorPartnerId ?? null,
      memberPartnerIds: b.memberPartnerIds,
      joinedOn: b.joinedOn,
    };
    return commandResponse(await this.change({ safir, instanceId: b.instanceId }, change, ctx), { instanceId: b.instanceId });
  }

  @ApiCommand({
    summary: 'Add or remove partners sitting in the instance',
    rule: `UNKNOWN_PARTNER, ALREADY_MEMBER, NOT_A_MEMBER, NO_MEMBER_CHANGE, INSTANCE_LEFT, ${NOT_BEFORE_JOINING}`,
    notFound: 'INSTANCE_NOT_FOUND',
  })
  @Post(':instanceId/members')
  @Access('agency.write')
  async members(@Param() p: InstanceParams, @Body() b: ChangeInstanceMembersDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.change(p, { kind: 'change-members', added: b.added, removed: b.removed, changedOn: b.changedOn }, ctx),
    );
  }

  @ApiCommand({
    summary: 'Record a meeting of the instance on its day, and who represented the agency (or that no one did)',
    response: MeetingRecordedView,
    conflict: 'MEETING_EXISTS',
    rule: `ATTENDEES_REQUIRED, ATTENDEES_UNEXPECTED, INSTANCE_LEFT (a meeting after the agency left), ${NOT_BEFORE_JOINING}`,
    notFound: 'INSTANCE_NOT_FOUND',
  })
  @Post(':instanceId/meetings')
  @Access('agency.write')
  async meeting(
    @Param() p: InstanceParams,
    @Body() b: RecordInstanceMeetingDto,
    @Actor() ctx: CommandContext,
  ): Promise<MeetingRecordedView> {
    const change: InstanceChange = {
      kind: 'record-meeting',
      meetingId: b.meetingId,
      date: b.date,
      attended: b.attended,
      attendedBy: b.attendedBy ?? [],
      topic: b.topic,
      note: b.note ?? null,
    };
    return commandResponse(await this.change(p, change, ctx), { meetingId: b.meetingId });
  }

  @ApiCommand({
    summary: 'Record that the agency left the instance, with a reason',
    rule: `INSTANCE_LEFT (already left), ${NOT_BEFORE_JOINING}`,
    notFound: 'INSTANCE_NOT_FOUND',
  })
  @Post(':instanceId/left')
  @Access('agency.write')
  async leave(@Param() p: InstanceParams, @Body() b: LeaveInstanceDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'leave', reason: b.reason, leftOn: b.leftOn }, ctx));
  }

  @ApiView({
    summary: 'The instances the agency sat in during a year, with its attendance at their meetings; asOf/knownAt as it stood',
    response: InstancesOfYearView,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get()
  @CachedView()
  @Access('agency.read')
  async list(@Param() { safir }: SafirParam, @Query() q: InstancesQueryDto): Promise<InstancesOfYearView> {
    await this.consistency.waitFor(q.consistentWith, [instancesProjection.name]);
    const cut = cutOf(q);
    const [instances, meetings] = await Promise.all([
      this.reads.find(InstanceRow, cut, { safir }),
      this.reads.find(InstanceMeetingRow, cut, { safir }),
    ]);
    const { items, ...rest } = instancesOfYear(instances, meetings, q.year);
    return { ...rest, ...paginate(items, q) };
  }

  @ApiView({
    summary: 'One instance with its members and every meeting recorded; asOf/knownAt as it stood',
    response: InstanceDetailView,
    notFound: 'INSTANCE_NOT_FOUND (also when the agency had not joined it at asOf/knownAt)',
  })
  @Get(':instanceId')
  @CachedView()
  @Access('agency.read')
  async get(@Param() { safir, instanceId }: InstanceParams, @Query() q: AsOfQueryDto): Promise<InstanceDetailView> {
    await this.consistency.waitFor(q.consistentWith, [instancesProjection.name]);
    const cut = cutOf(q);
    const [row, meetings] = await Promise.all([
      this.reads.findOne(InstanceRow, cut, { safir, instanceId }),
      this.reads.find(InstanceMeetingRow, cut, { safir, instanceId }, { order: { date: 'ASC' } }),
    ]);
    if (!row) throw new NotFoundException({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${instanceId} for agency ${safir}` });
    return {
      ...row,
      meetings: meetings.map(({ meetingId, date, attended, attendedBy, topic, note }) => ({
        meetingId,
        date,
        attended,
        attendedBy,
        topic,
        note,
      })),
      attendance: attendanceOf(meetings),
    };
  }
}
