import { runMain, startApp } from '@cellscope/runtime';
import { NotifierModule } from './notifier.module';

runMain(() => startApp({ module: (config) => NotifierModule.forRoot(config), port: (config) => config.NOTIFIER_PORT }));
