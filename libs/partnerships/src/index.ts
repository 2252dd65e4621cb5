export * from './domain/categories';
export * from './domain/partnerships.events';
export * from './partnerships.module';
export * from './commands/change-partner.command';
export * from './commands/change-partnership.command';
export * from './commands/change-joint-event.command';
export * from './domain/labels.fr';
export { SpreadsheetImport, type ImportReport, type RowOutcome } from './import/spreadsheet-import';
export { IMPORT_KINDS, IMPORT_COLUMNS, type ImportKind } from './import/import-columns';
export { partnerFacts, agreementFacts, type AgreementFacts } from './commands/partner-facts';
/** The paths of one agency's partnership and agreement, for the contexts that hang facts on them (referents, documents). */
export { AgreementParams, PartnershipParams } from './http/dto/partnerships.dto';
