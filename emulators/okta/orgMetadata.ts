/**
 * `GET /.well-known/okta-organization`: public (no credential), the org's id,
 * pipeline and URLs. `_links.organization` is the org's primary okta domain
 * (here the emulator's own origin); `_links.alternate` is present only when
 * the org has a custom domain. Sign-in with OpenID Connect works on the
 * primary domain, which is why Halo must be given that one.
 */
import type { EmulatorServer } from '../server';
import type { EmulatorContext } from './context';

export function registerOrgMetadataRoute(
	server: EmulatorServer,
	context: EmulatorContext,
	customDomain?: string,
): void {
	server.route('GET', '/.well-known/okta-organization', () => {
		const links: Record<string, { href: string }> = {
			organization: { href: context.origin() },
		};
		if (customDomain) links.alternate = { href: customDomain.replace(/\/+$/, '') };
		return {
			status: 200,
			body: {
				id: `00o${context.store.userTypeId.slice(3)}`,
				pipeline: 'idx',
				_links: links,
			},
		};
	});
}
