/** Word lists the org generator draws from: realistic names, departments, titles, offices, groups and apps. */

export const FIRST_NAMES = [
	'Aaliyah', 'Aaron', 'Abigail', 'Adam', 'Aditya', 'Adrian', 'Aisha', 'Alan', 'Alejandro', 'Alex', 'Alice', 'Amara',
	'Amelia', 'Amir', 'Ana', 'Andrea', 'Andrew', 'Angela', 'Anna', 'Anthony', 'Arjun', 'Ava', 'Beatriz', 'Ben',
	'Benjamin', 'Bianca', 'Brandon', 'Brian', 'Caleb', 'Camila', 'Carlos', 'Caroline', 'Catherine', 'Charles', 'Charlotte',
	'Chen', 'Chloe', 'Chris', 'Christina', 'Daniel', 'David', 'Diana', 'Diego', 'Dylan', 'Elena', 'Elijah', 'Elizabeth',
	'Ella', 'Emily', 'Emma', 'Eric', 'Ethan', 'Fatima', 'Felix', 'Fernando', 'Fiona', 'Gabriel', 'Grace', 'Hannah',
	'Hassan', 'Henry', 'Hiroshi', 'Ian', 'Isaac', 'Isabella', 'Ivan', 'Jack', 'Jacob', 'James', 'Jasmine', 'Javier',
	'Jennifer', 'Jessica', 'Joao', 'John', 'Jonathan', 'Jose', 'Joseph', 'Joshua', 'Julia', 'Kai', 'Karen', 'Kenji',
	'Kevin', 'Laura', 'Leah', 'Leo', 'Liam', 'Lily', 'Lucas', 'Lucy', 'Luis', 'Maria', 'Mark', 'Maya', 'Mei', 'Michael',
	'Mohammed', 'Naomi', 'Natalie', 'Nathan', 'Nicole', 'Noah', 'Olivia', 'Omar', 'Oscar', 'Patrick', 'Paul', 'Priya',
	'Rachel', 'Rahul', 'Rebecca', 'Ricardo', 'Robert', 'Ryan', 'Samantha', 'Samuel', 'Sara', 'Sebastian', 'Sofia',
	'Sophie', 'Stephen', 'Sven', 'Thomas', 'Tyler', 'Valentina', 'Victoria', 'William', 'Yuki', 'Zara', 'Zoe',
] as const;

export const LAST_NAMES = [
	'Abbott', 'Adams', 'Ahmed', 'Alvarez', 'Anderson', 'Andersson', 'Bailey', 'Baker', 'Banerjee', 'Barnes', 'Becker',
	'Bell', 'Bennett', 'Brooks', 'Brown', 'Campbell', 'Carter', 'Castro', 'Chen', 'Clark', 'Collins', 'Cook', 'Cooper',
	'Costa', 'Cruz', 'Davies', 'Davis', 'Diaz', 'Dubois', 'Edwards', 'Evans', 'Fischer', 'Fernandez', 'Fisher', 'Flores',
	'Foster', 'Garcia', 'Gomez', 'Gonzalez', 'Gray', 'Green', 'Gupta', 'Hall', 'Harris', 'Hayes', 'Hernandez', 'Hill',
	'Hoffmann', 'Howard', 'Hughes', 'Ito', 'Jackson', 'James', 'Jensen', 'Johnson', 'Jones', 'Kelly', 'Khan', 'Kim',
	'King', 'Kowalski', 'Kumar', 'Lee', 'Lewis', 'Li', 'Lopez', 'Martin', 'Martinez', 'Meyer', 'Miller', 'Mitchell',
	'Moore', 'Morales', 'Morgan', 'Morris', 'Muller', 'Murphy', 'Nakamura', 'Nguyen', 'Nielsen', 'Novak', "O'Brien",
	'Okafor', 'Oliveira', 'Ortiz', 'Park', 'Parker', 'Patel', 'Perez', 'Peterson', 'Phillips', 'Price', 'Ramirez',
	'Reed', 'Reyes', 'Richardson', 'Rivera', 'Roberts', 'Robinson', 'Rodriguez', 'Rossi', 'Russell', 'Sanchez',
	'Santos', 'Schmidt', 'Schneider', 'Scott', 'Shah', 'Silva', 'Singh', 'Smith', 'Sullivan', 'Suzuki', 'Tanaka',
	'Taylor', 'Thomas', 'Thompson', 'Torres', 'Turner', 'Walker', 'Wang', 'Ward', 'Watson', 'Weber', 'White',
	'Williams', 'Wilson', 'Wood', 'Wright', 'Wu', 'Yamamoto', 'Young', 'Zhang',
] as const;

/** Departments with the titles people in them hold, most common first. */
export const DEPARTMENTS: ReadonlyArray<{ name: string; titles: readonly string[]; weight: number }> = [
	{ name: 'Engineering', weight: 18, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'QA Engineer', 'DevOps Engineer'] },
	{ name: 'Sales', weight: 14, titles: ['Account Executive', 'Sales Development Representative', 'Regional Sales Manager', 'Sales Engineer'] },
	{ name: 'Customer Support', weight: 12, titles: ['Support Specialist', 'Senior Support Specialist', 'Support Team Lead', 'Customer Success Manager'] },
	{ name: 'IT', weight: 8, titles: ['Service Desk Analyst', 'Systems Administrator', 'Network Engineer', 'IT Manager', 'Identity Engineer'] },
	{ name: 'Marketing', weight: 8, titles: ['Marketing Manager', 'Content Strategist', 'Product Marketing Manager', 'Marketing Coordinator'] },
	{ name: 'Finance', weight: 7, titles: ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist'] },
	{ name: 'Human Resources', weight: 5, titles: ['HR Business Partner', 'Recruiter', 'HR Generalist', 'People Operations Manager'] },
	{ name: 'Operations', weight: 9, titles: ['Operations Analyst', 'Operations Manager', 'Facilities Coordinator', 'Logistics Specialist'] },
	{ name: 'Product', weight: 6, titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'] },
	{ name: 'Legal', weight: 3, titles: ['Legal Counsel', 'Paralegal', 'Compliance Officer'] },
	{ name: 'Security', weight: 4, titles: ['Security Analyst', 'Security Engineer', 'CISO'] },
	{ name: 'Executive', weight: 1, titles: ['Chief Executive Officer', 'Chief Operating Officer', 'Chief Financial Officer', 'Vice President'] },
];

export const OFFICES: ReadonlyArray<{ city: string; countryCode: string; state: string | null; phonePrefix: string; timezone: string; weight: number }> = [
	{ city: 'San Francisco', countryCode: 'US', state: 'CA', phonePrefix: '+1 415', timezone: 'America/Los_Angeles', weight: 8 },
	{ city: 'New York', countryCode: 'US', state: 'NY', phonePrefix: '+1 212', timezone: 'America/New_York', weight: 7 },
	{ city: 'Austin', countryCode: 'US', state: 'TX', phonePrefix: '+1 512', timezone: 'America/Chicago', weight: 4 },
	{ city: 'London', countryCode: 'GB', state: null, phonePrefix: '+44 20', timezone: 'Europe/London', weight: 6 },
	{ city: 'Dublin', countryCode: 'IE', state: null, phonePrefix: '+353 1', timezone: 'Europe/Dublin', weight: 3 },
	{ city: 'Berlin', countryCode: 'DE', state: null, phonePrefix: '+49 30', timezone: 'Europe/Berlin', weight: 3 },
	{ city: 'Toronto', countryCode: 'CA', state: 'ON', phonePrefix: '+1 416', timezone: 'America/Toronto', weight: 3 },
	{ city: 'Sydney', countryCode: 'AU', state: 'NSW', phonePrefix: '+61 2', timezone: 'Australia/Sydney', weight: 2 },
	{ city: 'Singapore', countryCode: 'SG', state: null, phonePrefix: '+65', timezone: 'Asia/Singapore', weight: 2 },
];

/** Group names beyond the department and office groups, e.g. for role mappings. */
export const EXTRA_GROUP_NAMES = [
	'Service Desk Agents', 'Service Desk Admins', 'Change Advisory Board', 'Managers', 'Contractors', 'All Employees',
	'VPN Users', 'MFA Enrolled', 'Remote Workers', 'New Starters', 'Security Champions', 'Project Phoenix',
	'Project Atlas', 'On-Call Engineers', 'Finance Approvers', 'Executive Assistants', 'Interns', 'Mentors',
	'Hiring Managers', 'Travel Approvers',
] as const;

export const APP_TEMPLATES: ReadonlyArray<{ name: string; label: string; signOnMode: 'SAML_2_0' | 'OPENID_CONNECT' | 'BOOKMARK' | 'AUTO_LOGIN' }> = [
	{ name: 'salesforce', label: 'Salesforce.com', signOnMode: 'SAML_2_0' },
	{ name: 'slack', label: 'Slack', signOnMode: 'SAML_2_0' },
	{ name: 'zoomus', label: 'Zoom', signOnMode: 'SAML_2_0' },
	{ name: 'office365', label: 'Microsoft Office 365', signOnMode: 'SAML_2_0' },
	{ name: 'oidc_client', label: 'Halo Service Desk', signOnMode: 'OPENID_CONNECT' },
	{ name: 'github_enterprise_cloud', label: 'GitHub Enterprise Cloud', signOnMode: 'SAML_2_0' },
	{ name: 'atlassian', label: 'Atlassian Cloud', signOnMode: 'SAML_2_0' },
	{ name: 'bookmark', label: 'Company Intranet', signOnMode: 'BOOKMARK' },
	{ name: 'box', label: 'Box', signOnMode: 'SAML_2_0' },
	{ name: 'template_swa', label: 'Expenses Portal', signOnMode: 'AUTO_LOGIN' },
];

export const EMAIL_DOMAIN = 'example.com';
