import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@ancrage/platform';
import { ACCESS_POLICY, PolicyKind } from './access.decorator';

/** Nest's route metadata, as the decorators wrote it. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- names the type the metadata was written with
const metadata = <T>(key: string, target: object) => Reflect.getMetadata(key, target) as T | undefined;

export interface RouteRule {
  method: string;
  path: string;
  policy: PolicyKind | 'public' | null;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every HTTP route with its access rule, read from the controllers. The app refuses to start when
 * a route has none, and the access matrix test is generated from this table.
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteRule[] {
    const routes: RouteRule[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype;
      if (!controller || !wrapper.instance) continue;
      const base = ([] as string[]).concat(metadata<string | string[]>(PATH_METADATA, controller) ?? '')[0];
      const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, (...args: unknown[]) => unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const path = metadata<string | string[]>(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = RequestMethod[metadata<RequestMethod>(METHOD_METADATA, handler) ?? RequestMethod.GET];
        const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]);
        const policy = this.reflector.getAllAndOverride<PolicyKind>(ACCESS_POLICY, [handler, controller]);
        for (const p of ([] as string[]).concat(path)) {
          routes.push({ method, path: join(base, p), policy: isPublic ? 'public' : (policy ?? null) });
        }
      }
    }
    return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  }

  onApplicationBootstrap(): void {
    const missing = this.routes().filter((r) => r.policy === null);
    if (missing.length) {
      throw new Error(`routes without an access rule (@Access or @Public): ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    }
  }
}
