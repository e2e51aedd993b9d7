import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_EVENT_TYPES } from '../../lib/core/eventHook';
import { oktaAuthenticationProperty } from '../../lib/n8n/okta';

/** Okta event types that concern one user (each has a `User` target) and that Okta allows in event hooks. */
export const EVENT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'App Assignment Added',
		value: 'application.user_membership.add',
		description: 'Okta event type application.user_membership.add',
	},
	{
		name: 'App Assignment Removed',
		value: 'application.user_membership.remove',
		description: 'Okta event type application.user_membership.remove',
	},
	{
		name: 'Group Membership Added',
		value: 'group.user_membership.add',
		description: 'Okta event type group.user_membership.add',
	},
	{
		name: 'Group Membership Removed',
		value: 'group.user_membership.remove',
		description: 'Okta event type group.user_membership.remove',
	},
	{
		name: 'User Activated',
		value: 'user.lifecycle.activate',
		description: 'Okta event type user.lifecycle.activate',
	},
	{
		name: 'User Created',
		value: 'user.lifecycle.create',
		description: 'Okta event type user.lifecycle.create',
	},
	{
		name: 'User Deactivated',
		value: 'user.lifecycle.deactivate',
		description: 'Okta event type user.lifecycle.deactivate',
	},
	{
		name: 'User Deletion Started',
		value: 'user.lifecycle.delete.initiated',
		description: 'Okta event type user.lifecycle.delete.initiated',
	},
	{
		name: 'User Profile Updated',
		value: 'user.account.update_profile',
		description: 'Okta event type user.account.update_profile',
	},
	{
		name: 'User Reactivated',
		value: 'user.lifecycle.reactivate',
		description: 'Okta event type user.lifecycle.reactivate',
	},
	{
		name: 'User Suspended',
		value: 'user.lifecycle.suspend',
		description: 'Okta event type user.lifecycle.suspend',
	},
	{
		name: 'User Unsuspended',
		value: 'user.lifecycle.unsuspend',
		description: 'Okta event type user.lifecycle.unsuspend',
	},
];

export const properties: INodeProperties[] = [
	{
		displayName:
			'In Okta (Workflows → Event Hooks) point an event hook at the production URL above, with the header name and secret of the Okta Event Hook Secret credential, or choose an Okta credential type in "Register Event Hook in Okta"',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_TYPE_OPTIONS,
		default: [...DEFAULT_EVENT_TYPES],
		required: true,
		description:
			'Okta event types that start the workflow, one item per event; other events are acknowledged and ignored',
	},
	// No display options and a "none" first: see oktaAuthenticationProperty (n8n's editor would hide what it depends on).
	oktaAuthenticationProperty(
		{
			displayName: 'Register Event Hook in Okta',
			description:
				'With an Okta credential, the event hook is created and verified in Okta when the workflow is activated, and deleted when it is deactivated (needs the okta.eventHooks.manage scope)',
		},
		{
			name: "Don't Register: Set Up the Hook in Okta Yourself",
			description: 'No Okta credential needed',
		},
	),
];
