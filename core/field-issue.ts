/**
 * A validation problem tied to one input field, addressed by a dotted path
 * ('stages.2.weight'), with a stable code for programs and an Indonesian message for people.
 */
export type FieldIssue = { field: string; code: string; message: string };

/** 'field: problem', the form the style guide asks for in validation output. */
export function formatFieldIssue(issue: FieldIssue): string {
  return `${issue.field}: ${issue.message}`;
}
