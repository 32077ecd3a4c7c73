"""The organization's branding in its customers' hubs: its name and, when an admin uploaded one, its logo."""
