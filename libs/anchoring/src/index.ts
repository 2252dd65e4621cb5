export * from './domain/anchoring-profile';
export { anchoringProjection } from './read-models/anchoring.projection';
export * from './anchoring.module';
export * from './domain/labels.fr';
