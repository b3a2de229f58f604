import type { ChatEngine } from '../../core/chat/chatEngine';

/** A loaded engine the Demo view can run live, and the model it serves. */
export interface ReadyEngine {
  engine: ChatEngine;
  model: { id: string; label: string };
  endpoint?: string;
}
