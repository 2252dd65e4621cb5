export * from './audit.module';
export * from './audit.service';
export * from './evidence/digest';
export * from './evidence/row-diff';
export * from './evidence/bundle';
