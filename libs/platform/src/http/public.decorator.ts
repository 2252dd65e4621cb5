import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'ancrage:public';

/** Marks a route that needs no authentication (health only). Everything else requires a principal. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
