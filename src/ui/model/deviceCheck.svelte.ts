/** What this device's GPU and storage can do, checked once before anything is downloaded. */
import { checkCapability, type GpuCapability } from '../../webllm/webgpuCapability';

export class DeviceCheck {
  capability = $state<GpuCapability | null>(null);
  checking = $state(false);

  readonly webgpuUsable: boolean = $derived(this.capability?.webgpu === 'available');

  async check(): Promise<GpuCapability> {
    this.checking = true;
    try {
      this.capability = await checkCapability();
      return this.capability;
    } finally {
      this.checking = false;
    }
  }
}
