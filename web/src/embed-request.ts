// An embed's first request: the sample company (its `sample` attribute) or nothing, with the values of
// its `inputs` attribute over it; and the reading of an `inputs` URL (a request file on the host's site).
import type { ComputeRequest, InputValue } from './engine/contract';
import { type EmbedConfig, inputsOf } from './embed-config';
import sampleCompany from '../../public/samples/sample-company.json';

export const SAMPLE_REQUEST = sampleCompany as unknown as ComputeRequest;

export function embedRequest(config: EmbedConfig): ComputeRequest {
  const base: ComputeRequest = config.sample ? SAMPLE_REQUEST : { inputs: {} };
  return config.inputs ? { ...base, inputs: { ...base.inputs, ...config.inputs } } : base;
}

/** The inputs of the request file at `url`, or null when it cannot be fetched or read. */
export async function fetchInputs(url: string): Promise<Record<string, InputValue> | null> {
  try {
    const response = await fetch(url);
    return response.ok ? inputsOf(await response.json()) : null;
  } catch {
    return null; // blocked, offline or not JSON: the embed says so and starts without them
  }
}
