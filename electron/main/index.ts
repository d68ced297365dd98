import { builtPaths, startApp } from './app';

// import.meta.dirname is out/main once built; this file must stay the entry chunk.
startApp(builtPaths(import.meta.dirname));
