import { Body, Controller, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
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
} from '@ancrage/platform';
import { ChangeDiagnostic } from '../commands/change-diagnostic.command';
import { DiagnosticRevisionRow, DiagnosticRow } from '../read-models/diagnostic.entities';
import { compareRevisions, diagnosticsProjection } from '../read-models/diagnostics.projection';
import {
  DiagnosticParams,
  DraftDiagnosticDto,
  ParticipationDto,
  PublishDto,
  RegionQueryDto,
  ReviseSectionDto,
  RevisionsQueryDto,
  SectionParams,
} from './dto/diagnostic.dto';
import { CoConstructionPage, DiagnosticRevisionPage, DiagnosticSectionView, DiagnosticView } from './dto/diagnostics.views';
import { shareOf } from '@ancrage/shared-kernel';

@ApiTags('diagnostics')
// The sections map refers to it by $ref only.
@ApiExtraModels(DiagnosticSectionView)
@Controller()
export class DiagnosticsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  @ApiCommand({
    summary: "Draft the agency's territorial diagnostic for a year",
    conflict: 'DIAGNOSTIC_EXISTS: already drafted',
    rule: 'OUTSIDE_DIAGNOSTIC_PERIOD, FUTURE_DATE',
  })
  @Post('agencies/:safir/diagnostics/:year')
  @Access('agency.write')
  async draft(@Param() p: DiagnosticParams, @Body() b: DraftDiagnosticDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(
        new ChangeDiagnostic(p.safir, p.year, { kind: 'draft', safir: p.safir, year: p.year, draftedOn: b?.draftedOn }, ctx),
      ),
    );
  }

  @ApiCommand({
    summary: 'Revise a section (text and key figures); once published, a revision needs a reason',
    rule: 'REASON_REQUIRED, DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'DIAGNOSTIC_NOT_FOUND',
  })
  @Put('agencies/:safir/diagnostics/:year/sections/:section')
  @Access('agency.write')
  async revise(@Param() p: SectionParams, @Body() b: ReviseSectionDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const keyFigures = b.keyFigures.map(({ label, value, unit, source }) => ({ label, value, unit, source }));
    return commandResponse(
      await this.commands.execute(
        new ChangeDiagnostic(
          p.safir,
          p.year,
          { kind: 'revise-section', section: p.section, text: b.text, keyFigures, reason: b.reason ?? null, revisedOn: b.revisedOn },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({
    summary: 'How it was built: internal teams, and each partner informed, shared or co-constructed',
    rule: 'DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'DIAGNOSTIC_NOT_FOUND',
  })
  @Put('agencies/:safir/diagnostics/:year/participation')
  @Access('agency.write')
  async participation(@Param() p: DiagnosticParams, @Body() b: ParticipationDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const partners = b.partners.map(({ partnerId, involvement }) => ({ partnerId, involvement }));
    return commandResponse(
      await this.commands.execute(
        new ChangeDiagnostic(
          p.safir,
          p.year,
          { kind: 'record-participation', internalTeams: b.internalTeams, partners, recordedOn: b.recordedOn },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({
    summary: 'Publish the current revision with its named findings (needs, risks, assets) that plan priorities cite',
    rule: 'ALREADY_PUBLISHED, EMPTY_DIAGNOSTIC, NO_FINDINGS, DUPLICATE_FINDING, DATE_BEFORE_DRAFT, FUTURE_DATE',
    notFound: 'DIAGNOSTIC_NOT_FOUND',
  })
  @Post('agencies/:safir/diagnostics/:year/publish')
  @Access('agency.write')
  async publish(@Param() p: DiagnosticParams, @Body() b: PublishDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const findings = b.findings.map(({ findingId, kind, title }) => ({ findingId, kind, title }));
    return commandResponse(
      await this.commands.execute(new ChangeDiagnostic(p.safir, p.year, { kind: 'publish', findings, publishedOn: b.publishedOn }, ctx)),
    );
  }

  @ApiView({
    summary: 'The diagnostic: sections, findings, participation and co-construction level; asOf/knownAt',
    response: DiagnosticView,
    notFound: 'DIAGNOSTIC_NOT_FOUND: none for that agency and year (at that date); AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/diagnostics/:year')
  @CachedView()
  @Access('agency.read')
  async get(@Param() p: DiagnosticParams, @Query() q: AsOfQueryDto): Promise<DiagnosticView> {
    await this.consistency.waitFor(q.consistentWith, [diagnosticsProjection.name]);
    const row = await this.reads.findOne(DiagnosticRow, cutOf(q), { safir: p.safir, year: p.year });
    if (!row) throw new NotFoundException({ code: 'DIAGNOSTIC_NOT_FOUND', message: `no ${p.year} diagnostic for ${p.safir}` });
    return row;
  }

  @ApiView({
    summary: 'Revision history, and with from/to what changed between two revisions (text and key figures)',
    description: 'An agency without that diagnostic answers an empty page.',
    response: DiagnosticRevisionPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/diagnostics/:year/revisions')
  @Access('agency.read')
  async history(@Param() p: DiagnosticParams, @Query() q: RevisionsQueryDto): Promise<DiagnosticRevisionPage> {
    await this.consistency.waitFor(q.consistentWith, [diagnosticsProjection.name]);
    const all = await this.reads.find(DiagnosticRevisionRow, cutOf(q), { safir: p.safir, year: p.year }, { order: { revision: 'ASC' } });
    const comparison =
      q.from !== undefined || q.to !== undefined ? compareRevisions(all, q.from ?? 0, q.to ?? all.at(-1)?.revision ?? 0) : undefined;
    return { ...paginate(all, q), ...(comparison ? { comparison } : {}) };
  }

  @ApiView({ summary: 'Co-construction level of each agency diagnostic in a region (or the country)', response: CoConstructionPage })
  @Get('diagnostics/co-construction')
  @CachedView()
  @Access('region.read')
  async coConstruction(@Query() q: RegionQueryDto): Promise<CoConstructionPage> {
    await this.consistency.waitFor(q.consistentWith, [diagnosticsProjection.name]);
    const rows = await this.reads.find(DiagnosticRow, cutOf(q), { region: q.region }, { order: { safir: 'ASC', year: 'ASC' } });
    const list = rows.map(({ safir, year, region: reg, coConstruction, published }) => ({
      safir,
      year,
      region: reg,
      coConstruction,
      published,
    }));
    const beyondSharing = list.filter((r) => r.coConstruction === 'CO_CONSTRUCTED').length;
    return { ...paginate(list, q), shareCoConstructed: shareOf(beyondSharing, list.length) ?? 0 };
  }
}
