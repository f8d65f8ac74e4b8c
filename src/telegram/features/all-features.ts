// Every feature in the order they must see updates: the interview last, as it answers any remaining text.
import type { Composer } from "grammy";
import type { App } from "../../app/app.ts";
import { channelCommands } from "../../app/channel-commands.ts";
import { createInterviewService, type InterviewService } from "../../app/interview-service.ts";
import type { BotContext } from "../context.ts";
import { adminFeature } from "./admin.ts";
import { interviewFeature } from "./interview.ts";
import { supervisionFeature } from "./supervision.ts";
import { yearsFeature } from "./years.ts";
import type { ApiRoot } from "./org-common.ts";

/** `apiRoot` is where files officers send are downloaded from. */
export function allFeatures(app: App, options: { readonly apiRoot: ApiRoot; readonly service?: InterviewService }): Composer<BotContext>[] {
  const service = options.service ?? createInterviewService(app);
  const commands = channelCommands(app);
  return [
    adminFeature(app, commands),
    supervisionFeature(app, commands),
    yearsFeature(app, commands, options.apiRoot),
    interviewFeature(app, service, commands),
  ];
}
