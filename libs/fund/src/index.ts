export * from './domain/fund.events';
export * from './domain/fund.decider';
export * from './fund.module';
export * from './commands/allocate-envelope.command';
export * from './commands/change-fund.command';
export { fundConsumption } from './read-models/fund-consumption.projection';
export * from './commands/correct-payment.command';
