import * as Comlink from 'comlink';
import { createEngineApi } from './engineApi';

// The worker only wires the model API to comlink; all logic lives in engineApi.ts and src/models.
Comlink.expose(createEngineApi());
