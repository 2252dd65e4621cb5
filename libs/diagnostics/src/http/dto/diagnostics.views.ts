import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { InstantProperty, IntegerProperty, PageOf, ShareProperty } from '@ancrage/platform';
import { FINDING_KINDS, INVOLVEMENTS, SECTIONS } from '../../domain/diagnostic.events';

/** The co-construction level: the highest involvement of any partner, NONE without partners. */
export const CO_CONSTRUCTION_LEVELS = ['NONE', ...INVOLVEMENTS] as const;

export class KeyFigureView {
  @ApiProperty({ example: 'taux de chômage' }) label: string;
  @ApiProperty({ type: 'number', example: 11.8 }) value: number;
  @ApiProperty({ example: '%' }) unit: string;
  @ApiProperty({ example: 'INSEE 2017' }) source: string;
}

export class FindingView {
  @ApiProperty({ example: 'f-mobilite' }) findingId: string;
  @ApiProperty({ enum: FINDING_KINDS }) kind: string;
  @ApiProperty({ example: 'Mobilité des saisonniers' }) title: string;
}

export class PartnerInvolvementView {
  @ApiProperty() partnerId: string;
  @ApiProperty({ enum: INVOLVEMENTS }) involvement: string;
}

/** A section as it stands: its latest revision. */
export class DiagnosticSectionView {
  @ApiProperty() text: string;
  @ApiProperty({ type: [KeyFigureView] }) keyFigures: KeyFigureView[];
  @IntegerProperty({ description: 'the revision that wrote it' }) revision: number;
}

export class DiagnosticView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @IntegerProperty({ description: 'the latest revision (0: no section written)' }) revision: number;
  @ApiProperty({ description: 'the latest revision is published' }) published: boolean;
  @IntegerProperty({ nullable: true, description: 'the revision last published (null: never published)' }) publishedRevision: number | null;
  @ApiProperty({ enum: CO_CONSTRUCTION_LEVELS, description: 'the highest involvement of any partner' }) coConstruction: string;
  @ApiProperty({ type: [String] }) internalTeams: string[];
  @ApiProperty({ type: [PartnerInvolvementView] }) partners: PartnerInvolvementView[];
  @ApiProperty({ type: [FindingView], description: 'findings published so far (plan priorities cite them)' }) findings: FindingView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DiagnosticSectionView) },
    description: `the sections written, by section code (${SECTIONS.join(', ')})`,
  })
  sections: Record<string, DiagnosticSectionView>;
}

export class DiagnosticRevisionView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @IntegerProperty({ description: 'revisions count from 1' }) revision: number;
  @ApiProperty({ enum: SECTIONS, description: 'the section it revised' }) section: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [KeyFigureView] }) keyFigures: KeyFigureView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'why it was revised (required once published)' }) reason: string | null;
  @InstantProperty() recordedAt: string;
  @ApiProperty({ description: 'the user who recorded it' }) recordedBy: string;
}

export class KeyFigureChangeView {
  @ApiProperty() label: string;
  @ApiProperty({ type: KeyFigureView, nullable: true, description: 'null: added' }) before: KeyFigureView | null;
  @ApiProperty({ type: KeyFigureView, nullable: true, description: 'null: removed' }) after: KeyFigureView | null;
}

/** What changed in a section between the two revisions compared. */
export class SectionChangeView {
  @ApiProperty({ enum: SECTIONS }) section: string;
  @IntegerProperty({ nullable: true, description: 'the revision the section stood at in `from` (null: not written yet)' }) fromRevision:
    number | null;
  @IntegerProperty({ nullable: true, description: 'the revision the section stood at in `to`' }) toRevision: number | null;
  @ApiProperty({ type: 'string', nullable: true }) textBefore: string | null;
  @ApiProperty({ type: 'string', nullable: true }) textAfter: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the reason of the `to` revision' }) reason: string | null;
  @ApiProperty({ type: [KeyFigureChangeView] }) keyFigureChanges: KeyFigureChangeView[];
}

export class DiagnosticRevisionPage extends PageOf(DiagnosticRevisionView) {
  @ApiProperty({
    type: [SectionChangeView],
    required: false,
    description: 'with from and/or to: the sections that differ between the two revisions',
  })
  comparison?: SectionChangeView[];
}

export class CoConstructionLineView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @ApiProperty({ enum: CO_CONSTRUCTION_LEVELS }) coConstruction: string;
  @ApiProperty() published: boolean;
}

export class CoConstructionPage extends PageOf(CoConstructionLineView) {
  @ShareProperty('diagnostics at the CO_CONSTRUCTED level, across all pages') shareCoConstructed: number;
}
