"""Personal notification settings (seed 003): who is emailed about what, immediately, in a daily digest, or never.

- `kinds`: the kinds of notification, each one enum value plus one entry in `KINDS` (audience, default, sources).
- `models`: a person's settings, and the notifications waiting to be emailed.
- `preferences`: reading and changing one's own settings (GraphQL, unsubscribe).
- `fanout`: turning committed activity events (and shares) into notifications for the people policy lets see them.
- `delivery`: the periodic job that emails due notifications, immediate ones and daily digests, claiming rows.
- `unsubscribe`: signed one-click unsubscribe links (RFC 8058) and their HTTP routes.
"""
