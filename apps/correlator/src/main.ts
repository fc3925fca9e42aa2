import { runMain, startApp } from '@cellscope/runtime';
import { CorrelatorModule } from './correlator.module';

runMain(() => startApp({ module: (config) => CorrelatorModule.forRoot(config), port: (config) => config.CORRELATOR_PORT }));
