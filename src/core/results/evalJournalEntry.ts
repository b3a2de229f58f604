/**
 * One line of an eval's journal (`journal.jsonl`): the run's identity (line 1), an answered chat
 * request, a verdict, or a finished problem. The command writes and replays them
 * (src/cli/eval/evalJournal.ts); the app reads them to tell how far an unfinished eval got.
 */
import { z } from 'zod';
import { ChatUsageSchema } from '../chat/chatEngine';
import { JudgeResultSchema } from '../judging/judgeResult';

export const JournalEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), identity: z.record(z.string(), z.unknown()) }),
  z.object({
    type: z.literal('chat'),
    key: z.string(),
    reply: z.object({ reasoning: z.string(), content: z.string(), usage: ChatUsageSchema }),
  }),
  z.object({ type: z.literal('verdict'), key: z.string(), result: JudgeResultSchema }),
  z.object({ type: z.literal('problem'), id: z.string(), file: z.string() }),
]);
export type JournalEntry = z.infer<typeof JournalEntrySchema>;
