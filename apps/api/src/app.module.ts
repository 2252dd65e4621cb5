import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@ancrage/platform';
import { DemoUsersController } from './web/web-app';

@Module({})
export class AppModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), ...options.contexts.map((c) => c.module)],
      controllers: [DemoUsersController],
    };
  }
}
