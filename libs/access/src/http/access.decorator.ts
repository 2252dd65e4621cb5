// The decorator lives with the platform so every context can mark its routes; access enforces it.
export { Access, ACCESS_POLICY, PolicyKind } from '@ancrage/platform';
