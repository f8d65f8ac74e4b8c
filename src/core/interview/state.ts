// The interview's whole state: plain, locale-independent JSON kept between messages (a report is
// filled over days; nothing lives in memory).
import { z } from "zod";
import { isNarrativeId } from "../report/narrative.ts";
import { ReportSchema } from "../report/schema.ts";
import { isQuestionId } from "./plan.ts";

export const INTERVIEW_FORMAT = "nianbao.interview/1";
/** Back goes at most this far; older steps are forgotten. */
export const STACK_MAX = 100;

const QuestionId = z.string().refine(isQuestionId, { message: "unknown-question" });

const PendingSchema = z.discriminatedUnion("kind", [
  /** "No" was tapped on a gate that zero-fills a table: waiting for the explicit confirmation. */
  z.object({ kind: z.literal("gate-no"), question: QuestionId }).strict(),
  /** The next text is appended to a narrative part, then the interview returns to `returnTo`. */
  z.object({ kind: z.literal("append"), question: QuestionId, returnTo: QuestionId }).strict(),
  /** The next text is the agency's name or the report year. */
  z.object({ kind: z.literal("meta-field"), field: z.enum(["agency", "year"]) }).strict(),
  /** A name typed at 「信息是否正确？」: the agency is renamed only once the officer confirms. */
  z.object({ kind: z.literal("meta-rename"), agency: z.string().min(1).max(200) }).strict(),
  /** A pasted 一、总体情况, cut into parts and shown: saved once the officer confirms. */
  z.object({ kind: z.literal("split"), question: QuestionId, parts: z.record(z.string().refine(isNarrativeId), z.string()), whole: z.string() }).strict(),
]);

export const InterviewStateSchema = z
  .object({
    format: z.literal(INTERVIEW_FORMAT),
    /** Bumped on every change; buttons carry it so a stale or forged tap is recognised. */
    version: z.number().int().min(0),
    report: ReportSchema,
    /** The question being asked (a PLAN id; "finish" once every question has been passed). */
    current: QuestionId,
    /** Questions visited before, most recent last: what /back returns to. */
    stack: z.array(QuestionId).max(STACK_MAX),
    /** Questions the officer skipped: left unanswered, listed as missing at the end. */
    skipped: z.array(QuestionId),
    /** Gate answers by question id: true = yes (ask the rows), false = no (zero-filled). */
    gates: z.record(z.string(), z.boolean()),
    metaConfirmed: z.boolean(),
    pending: PendingSchema.nullable(),
    /** Soft warnings the officer confirmed, by warningKey(). */
    acknowledged: z.array(z.string()),
    /** ISO time of the last change (from the step context). */
    updatedAt: z.string().optional(),
  })
  .strict();

export type InterviewState = z.infer<typeof InterviewStateSchema>;
