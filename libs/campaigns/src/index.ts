export * from './domain/campaigns.events';
export * from './domain/labels.fr';
export * from './campaigns.module';
export * from './commands/change-campaign.command';
