export * from './alerts.module';
export * from './domain/digest-period';
export * from './digest/digest.service';
