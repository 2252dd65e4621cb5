export * from './domain/action-plan.events';
export * from './domain/action-plan.decider';
export * from './commands/change-action-plan.command';
export * from './action-plans.module';
export * from './domain/labels.fr';
