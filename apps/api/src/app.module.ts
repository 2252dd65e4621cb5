import { DynamicModule, Module, Type } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '../../../libs/platform/src';
import { DemoUsersController } from './web/web-app';

@Module({})
export class AppModule {
  static register(options: PlatformOptions & { modules?: Type[] }): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), ...(options.modules ?? [])],
      controllers: [DemoUsersController],
    };
  }
}
