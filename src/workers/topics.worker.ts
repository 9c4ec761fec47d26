/**
 * Builds Plan B's topic model off the main thread: a few hundred milliseconds of work on a
 * phone that would otherwise freeze the page the first time someone taps "Room full?". The
 * page sends the talks, gets the model back (plain data: maps and typed arrays) and adopts it.
 */
import { buildTopics, type TopicTalk } from '../domain/planb/topics';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ talks: TopicTalk[] }>) => {
  self.postMessage(buildTopics({ talks: event.data.talks }));
};
