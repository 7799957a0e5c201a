// Wrapper-script resolution: which build-context files the start command executes.
import type { DockerfileModel, WrapperScript } from './types.js';

export function resolveWrappers(_model: DockerfileModel): WrapperScript[] {
  return [];
}
