import assert from 'node:assert/strict';

import {
	OnboardingLedger,
	buildOnboardingTicket,
	cabApprovalMessage,
	carriesApprovers,
	customFieldKey,
	indexTicketsByUser,
	isCabApprovalRefusal,
	onboardingSkipReason,
} from '../../lib/core/onboarding';
import type { UpsertResultItem } from '../../lib/core/types';

function item(overrides: Partial<UpsertResultItem> = {}): UpsertResultItem {
	return {
		action: 'created',
		target: 'user',
		haloId: 42,
		changes: {},
		okta: {
			id: '00u1',
			status: 'ACTIVE',
			login: 'ada@example.com',
			groups: [{ id: '00g1', name: 'Engineering' }],
			profile: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				department: 'R&D',
				startDate: '2024-05-01',
				costCenter: '17',
			},
		},
		record: { name: 'Ada Lovelace', emailaddress: 'ada@example.com', site_id: 2 },
		...overrides,
	};
}

describe('onboardingSkipReason', () => {
	const cases: Array<[string, Partial<UpsertResultItem>, boolean, RegExp | undefined]> = [
		['created user', {}, true, undefined],
		[
			'updated user, only created',
			{ action: 'updated' },
			true,
			/Not newly created \(action: updated\)/,
		],
		['updated user, all', { action: 'updated' }, false, undefined],
		['failed upsert', { action: 'failed' }, false, /failed/],
		['agent', { target: 'agent' }, true, /Agents are not Halo end users/],
		['no halo id', { haloId: null }, true, /no Halo user id/],
	];
	for (const [name, overrides, onlyCreated, expected] of cases) {
		test(name, () => {
			const reason = onboardingSkipReason(item(overrides), onlyCreated);
			if (expected) assert.match(reason ?? '', expected);
			else assert.equal(reason, undefined);
		});
	}
});

describe('onboardingSkipReason with onboarding.createdWithinDays', () => {
	const now = Date.parse('2026-03-10T12:00:00Z');
	const created = (when?: string) => {
		const base = item();
		return { ...base, okta: { ...base.okta!, ...(when ? { created: when } : {}) } };
	};
	test('created in Okta within the window: a ticket', () => {
		assert.equal(
			onboardingSkipReason(created('2026-03-04T09:00:00.000Z'), true, {
				createdWithinDays: 7,
				now,
			}),
			undefined,
		);
	});
	test('created before the window (an existing employee on a first import): no ticket, with the date', () => {
		assert.match(
			onboardingSkipReason(created('2025-01-02T09:00:00.000Z'), true, {
				createdWithinDays: 7,
				now,
			}) ?? '',
			/Created in Okta on 2025-01-02, more than 7 days ago \(onboarding\.createdWithinDays\)/,
		);
	});
	test('no Okta creation date: no ticket, saying why', () => {
		assert.match(
			onboardingSkipReason(created(), true, { createdWithinDays: 7, now }) ?? '',
			/no creation date/,
		);
	});
	test('without the setting the date does not matter', () => {
		assert.equal(onboardingSkipReason(created('2020-01-01T00:00:00Z'), true, { now }), undefined);
	});
});

describe('buildOnboardingTicket', () => {
	test('defaults: summary and details from the person, user, client and site', () => {
		const ticket = buildOnboardingTicket(item(), { ticketTypeId: 3 }, { client_id: 1, site_id: 2 });
		assert.deepEqual(ticket, {
			summary: 'New starter: Ada Lovelace',
			details:
				'Ada Lovelace (ada@example.com) has been created in Halo from Okta. Please prepare their accounts and equipment.',
			tickettype_id: 3,
			user_id: 42,
			client_id: 1,
			site_id: 2,
		});
	});

	test('templates, ticket fields and custom fields (by name, CF prefix and id)', () => {
		const ticket = buildOnboardingTicket(
			item(),
			{
				ticketTypeId: 3,
				templateId: 1,
				summary: 'Onboard {{ record.name }} ({{okta.profile.department}})',
				details:
					'Starts {{profile.startDate}}; team {{department}}; missing "{{profile.nothing}}".',
				fields: [
					{ halo: 'category_1', okta: 'okta.profile.department' },
					{ halo: 'priority_id', okta: '{{profile.costCenter}}' },
					{ halo: 'CFStartDate', okta: 'profile.startDate' },
					{ halo: 'customfield_55', okta: 'login' },
					{ halo: 'CFEmpty', okta: 'profile.nothing' },
					{ halo: 'CFBlank', okta: 'profile.nothing', populateEmpty: true },
					{ halo: 'user_id', okta: 'profile.costCenter' },
				],
			},
			{ client_id: 1, site_id: 2 },
		);
		assert.deepEqual(ticket, {
			summary: 'Onboard Ada Lovelace (R&D)',
			details: 'Starts 2024-05-01; team R&D; missing "".',
			tickettype_id: 3,
			template_id: 1,
			user_id: 42,
			client_id: 1,
			site_id: 2,
			category_1: 'R&D',
			priority_id: 17,
			customfields: [
				{ name: 'CFStartDate', value: '2024-05-01' },
				{ id: 55, value: 'ada@example.com' },
				{ name: 'CFBlank', value: '' },
			],
		});
	});

	test('a placement without client or site leaves them to Halo', () => {
		const ticket = buildOnboardingTicket(item(), { ticketTypeId: 3 }, {});
		assert.equal('client_id' in ticket, false);
		assert.equal('site_id' in ticket, false);
	});

	test('custom field keys', () => {
		assert.deepEqual(customFieldKey('customfield_12'), { id: 12 });
		assert.equal(customFieldKey('customfields'), undefined);
		assert.deepEqual(customFieldKey('CFStartDate'), { name: 'CFStartDate' });
		assert.equal(customFieldKey('category_1'), undefined);
		assert.equal(customFieldKey('CF'), undefined);
	});
});

describe('one onboarding ticket per person', () => {
	test('existing tickets are indexed by user (earliest ticket id)', () => {
		const index = indexTicketsByUser([
			{ id: 9, user_id: 42 },
			{ id: 5, user_id: 42 },
			{ id: 6, user_id: 0 },
			{ id: 7 },
			{ id: 8, user_id: '43' },
		]);
		assert.deepEqual(
			[...index.entries()],
			[
				[42, 5],
				[43, 8],
			],
		);
	});

	test('the ledger refuses existing, repeated and already logged people', () => {
		const ledger = new OnboardingLedger(new Map([[42, 5]]));
		assert.match(ledger.claim(42) ?? '', /Already has onboarding ticket 5/);
		assert.equal(ledger.claim(43), undefined);
		assert.match(ledger.claim(43) ?? '', /Repeated input/);
		ledger.release(43);
		assert.equal(ledger.claim(43), undefined);
		ledger.logged(43, 11);
		assert.match(ledger.claim(43) ?? '', /Already has onboarding ticket 11/);
	});
});

describe('CAB approval refusal', () => {
	test('recognised and explained', () => {
		assert.equal(
			isCabApprovalRefusal(
				'Halo answered 400 to POST /api/Tickets: CODE:APP03/2 Please select the CAB members to approve.',
			),
			true,
		);
		assert.equal(isCabApprovalRefusal('Halo answered 400: something else'), false);
		assert.equal(
			cabApprovalMessage({ id: 4, name: 'Change Request' }),
			'Halo refused the ticket because ticket type "Change Request" (4) needs CAB approval: choose a ticket type without CAB approval, or set its approvers (CAB) in Halo.',
		);
		assert.match(cabApprovalMessage({ id: 4 }), /ticket type 4 needs CAB approval/);
	});

	test('tickets that name approvers', () => {
		const base = buildOnboardingTicket(item(), { ticketTypeId: 4 }, {});
		assert.equal(carriesApprovers(base), false);
		assert.equal(carriesApprovers({ ...base, new_approvalprocess_cab_id: 1 }), true);
	});
});
