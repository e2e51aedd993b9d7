/**
 * The `onboarding` section of the mapping configuration
 * (docs/mapping-config.md): its type and its validation. The editor's fields
 * for it are in lib/n8n/mappingConfig/onboarding.ts.
 */
import { objectOf, refine, wholeNumber } from '../configChecks';
import type { Checker } from '../configChecks';
import { fieldList, textWithPlaceholders } from './names';
import type { FieldMapping } from './names';

export interface OnboardingConfig {
	ticketTypeId: number;
	templateId?: number;
	/** Text with `{{ path }}` placeholders over the Upsert item. */
	summary?: string;
	details?: string;
	/** Ticket fields from the person. */
	fields?: FieldMapping[];
	/** Only people created in Okta that many days ago or later get a ticket. */
	createdWithinDays?: number;
}

const positiveWholeNumber: Checker = refine(wholeNumber, (value, path, issues) => {
	if ((value as number) < 1) issues.push({ path, message: 'must be at least 1' });
});

export const onboardingConfig: Checker = objectOf({
	ticketTypeId: { required: true, check: wholeNumber },
	templateId: { check: wholeNumber },
	summary: { check: textWithPlaceholders },
	details: { check: textWithPlaceholders },
	fields: { check: fieldList(['id']) },
	createdWithinDays: { check: positiveWholeNumber },
});
