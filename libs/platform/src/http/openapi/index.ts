export * from './error-response';
export * from './api-operation';
export * from './page';
export * from './openapi-document';
export * from './properties';
