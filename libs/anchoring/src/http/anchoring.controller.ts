import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReadModels } from '@ancrage/projections';
import { scopeName } from '@ancrage/territory';
import {
  Access,
  ApiView,
  AsOfQueryDto,
  CachedView,
  Clock,
  CLOCK,
  exportFile,
  wantsFile,
  cutOf,
  endOfDay,
  paginate,
  ReadConsistency,
} from '@ancrage/platform';
import { CONFIGURATION_LABELS, PLACEMENT_RULE } from '../domain/anchoring-profile';
import { AnchoringFacts, anchoringReport, anchoringTable } from '../read-models/anchoring-report';
import {
  AnchoringAgencyRow,
  AnchoringJointEventRow,
  AnchoringStrongRow,
  AnchoringYearRow,
  YEAR_FIGURES,
} from '../read-models/anchoring.entities';
import { anchoringProjection } from '../read-models/anchoring.projection';
import { AgencyAnchoringParams, AgencyAnchoringQueryDto, AnchoringQueryDto } from './dto/anchoring.dto';
import { AgencyAnchoringView, AnchoringProfilesPage } from './dto/anchoring.views';

@ApiTags('anchoring profiles')
@Controller()
export class AnchoringController {
  constructor(
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The year is read as of its last day, or of asOf when that falls earlier (today for the current year). */
  private referenceDate(year: number, q: AsOfQueryDto): string {
    const limit = (q.asOf ? endOfDay(q.asOf)! : this.clock().toISOString()).slice(0, 10);
    const end = `${year}-12-31`;
    return limit < end ? limit : end;
  }

  private async facts(q: AsOfQueryDto, filter: { region?: string; safir?: string; year: number }): Promise<AnchoringFacts> {
    await this.consistency.waitFor(q.consistentWith, [anchoringProjection.name]);
    const cut = cutOf(q);
    const agencies = await this.reads.find(
      AnchoringAgencyRow,
      cut,
      { region: filter.region, safir: filter.safir },
      { order: { safir: 'ASC' } },
    );
    // A national read names no agency: every row is the country's.
    const safir = filter.region || filter.safir ? agencies.map((a) => a.safir) : undefined;
    const [strong, jointEvents, years] = await Promise.all([
      this.reads.find(AnchoringStrongRow, cut, { safir }),
      this.reads.find(AnchoringJointEventRow, cut, { safir }),
      this.reads.find(AnchoringYearRow, cut, { safir, year: filter.year }, { columns: YEAR_FIGURES }),
    ]);
    return { agencies, strong, jointEvents, years };
  }

  @ApiView({
    summary:
      "Each agency of a region (or the country) placed in one of the study's five anchoring configurations for a year, with the indicators and levers; asOf/knownAt as it stood; CSV or XLSX with format=csv|xlsx",
    response: AnchoringProfilesPage,
    file: true,
  })
  @Get('anchoring-profiles')
  @CachedView()
  @Access('region.read')
  async list(
    @Query() q: AnchoringQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnchoringProfilesPage | string | StreamableFile> {
    const report = anchoringReport(q.year, this.referenceDate(q.year, q), await this.facts(q, q));
    // The rule is given once for the list, not with every agency.
    const placements = (q.configuration ? report.placements.filter((p) => p.configuration === q.configuration) : report.placements).map(
      ({ rule: _rule, ...p }) => p,
    );
    if (wantsFile(q)) {
      const name = `anchoring-${q.year}${q.region ? `-${q.region}` : ''}`;
      return exportFile(req, res, q, name, anchoringTable(placements, q.year, scopeName(q.region)), this.clock());
    }
    const { placements: _all, ...summary } = report;
    return { ...summary, configurations: CONFIGURATION_LABELS, rule: PLACEMENT_RULE, ...paginate(placements, q) };
  }

  @ApiView({
    summary: "An agency's anchoring configuration for a year, the indicator values behind it and what lever would move it; asOf/knownAt",
    response: AgencyAnchoringView,
    notFound: 'AGENCY_NOT_FOUND (also when the agency was not registered at that date)',
  })
  @Get('agencies/:safir/anchoring-profile')
  @CachedView()
  @Access('agency.read')
  async agency(@Param() p: AgencyAnchoringParams, @Query() q: AgencyAnchoringQueryDto): Promise<AgencyAnchoringView> {
    const report = anchoringReport(q.year, this.referenceDate(q.year, q), await this.facts(q, { safir: p.safir, year: q.year }));
    const placement = report.placements[0];
    if (!placement)
      throw new NotFoundException({
        code: 'AGENCY_NOT_FOUND',
        message: `no agency ${p.safir}${q.asOf || q.knownAt ? ' at that date' : ''}`,
      });
    return { ...placement, label: placement.configuration ? CONFIGURATION_LABELS[placement.configuration] : null };
  }
}
