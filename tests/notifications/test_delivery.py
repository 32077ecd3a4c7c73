"""Issue 9 point 8: activity on a rep's shares reaches that rep (and only the people policy lets see it),
immediately, in a daily digest at their local time, or never."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from portico.notifications.delivery import deliver_due
from portico.notifications.models import Notification, NotificationStatus
from portico.settings import load_settings
from tests.conftest import Clock
from tests.hubs.helpers import World, person, share, share_to_contact, sign_in_contact
from tests.notifications.helpers import choose, notification_emails, print_document

SETTINGS = load_settings({"PUBLIC_URL": "http://testserver", "SECRET_KEY": "x" * 40})


def _settings(app: Any) -> Any:
    return app.state.settings


async def test_immediately_emails_the_sender_only(app: Any, world: World, client_factory: Any,
                                                  notification_clock: Clock) -> None:
    rita, bob = world.acme.member, world.acme.member2
    await choose(rita.client, HUB_ACTIVITY_ON_MY_SHARES="IMMEDIATELY")
    await choose(bob.client, HUB_ACTIVITY_ON_MY_SHARES="IMMEDIATELY")
    shared = await share_to_contact(world, client_factory)  # Rita's share to Mette

    await print_document(shared.contact, shared.documents["Price list 2027"]["id"])
    assert await deliver_due(_settings(app)) == 1

    [email] = await notification_emails()
    assert email.to_address == rita.email
    assert email.kind == "notification_hub_activity_on_my_shares"
    assert "Mette Larsen printed Price list 2027" in email.text
    assert "Fjord Logistics" in email.text
    assert email.subject == "Fjord Logistics: new activity on your shares"
    assert email.headers["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Sent once: the next run finds nothing due.
    assert await deliver_due(_settings(app)) == 0
    assert await Notification.filter(status=NotificationStatus.PENDING).count() == 0


async def test_daily_digest_arrives_at_the_local_time_and_groups_per_customer(
    app: Any, world: World, client_factory: Any, notification_clock: Clock
) -> None:
    rita = world.acme.member
    view = await choose(rita.client, HUB_ACTIVITY_ON_MY_SHARES="DAILY_DIGEST", timezone="America/New_York",
                        digestTime="07:30")
    assert view["effectiveTimezone"] == "America/New_York" and view["digestTime"] == "07:30"
    at_x = await share_to_contact(world, client_factory)
    at_y = await share_to_contact(world, client_factory, customer_id=world.customer_y, email="sven@svea.example",
                                  first="Sven")
    await print_document(at_x.contact, at_x.documents["Price list 2027"]["id"])
    await print_document(at_y.contact, at_y.documents["Installation guide"]["id"])
    await print_document(at_x.contact, at_x.documents["Installation guide"]["id"])

    # The clock says 12:00 UTC, 07:00 in New York (EST, UTC-5): the digest is due at 07:30 there, 12:30 UTC,
    # not at 07:30 UTC nor at 07:30 of the organization's zone; a minute before, nothing goes out.
    due = datetime(2026, 12, 3, 12, 30, tzinfo=UTC)
    assert await deliver_due(_settings(app), now=due - timedelta(minutes=1)) == 0
    assert await notification_emails() == []
    assert await deliver_due(_settings(app), now=due) == 1

    [email] = await notification_emails(rita.email)
    assert email.subject == "Your daily summary: 3 events on your shares"
    text = email.text
    assert text.index("Fjord Logistics") < text.index("Mette Larsen printed Price list 2027")
    assert text.index("Mette Larsen printed Installation guide") < text.index("Svea Bygg")
    assert text.index("Svea Bygg") < text.index("Sven Larsen printed Installation guide")
    assert text.count("Fjord Logistics") == 1  # one group per customer
    assert await deliver_due(_settings(app), now=due + timedelta(days=1)) == 0


async def test_a_reps_digest_never_names_another_reps_events(
    app: Any, world: World, client_factory: Any, notification_clock: Clock
) -> None:
    rita, bob, manager = world.acme.member, world.acme.member2, world.acme.manager
    for rep in (rita, bob):
        await choose(rep.client, HUB_ACTIVITY_ON_MY_SHARES="DAILY_DIGEST", digestTime="08:00")
    ritas = await share_to_contact(world, client_factory)
    bobs = await share_to_contact(world, client_factory, rep=bob.client, customer_id=world.customer_y,
                                  email="sven@svea.example", first="Sven")
    await print_document(ritas.contact, ritas.documents["Price list 2027"]["id"])
    await print_document(bobs.contact, bobs.documents["Installation guide"]["id"])
    # Globex: its own rep and contact, whose activity never reaches acme's people.
    g = world.globex.member
    await choose(g.client, HUB_ACTIVITY_ON_MY_SHARES="DAILY_DIGEST", digestTime="08:00")
    await share(g.client, world.globex_customer, [person("Hana", "Berg", "hana@harbor.example")],
                [world.globex_publication])
    hana = client_factory()
    await sign_in_contact(hana, "hana@harbor.example")
    from tests.hubs.helpers import my_documents

    await print_document(hana, (await my_documents(hana))["Globex secret"]["id"])

    assert await deliver_due(_settings(app), now=notification_clock.current + timedelta(days=1)) == 3
    [to_rita] = await notification_emails(rita.email)
    [to_bob] = await notification_emails(bob.email)
    [to_globex] = await notification_emails(g.email)
    assert "Mette Larsen" in to_rita.text and "Sven" not in to_rita.text and "Svea Bygg" not in to_rita.text
    assert "Sven Larsen" in to_bob.text and "Mette" not in to_bob.text and "Fjord" not in to_bob.text
    assert "Hana Berg" in to_globex.text and "Mette" not in to_globex.text and "Sven" not in to_globex.text
    # The manager sees every event but shared nothing: "activity on my shares" is not about them.
    assert await notification_emails(manager.email) == []


async def test_never_means_nothing_and_changing_to_never_drops_what_waits(
    app: Any, world: World, client_factory: Any, notification_clock: Clock
) -> None:
    rita = world.acme.member
    shared = await share_to_contact(world, client_factory)
    await print_document(shared.contact, shared.documents["Price list 2027"]["id"])  # default: the daily digest
    assert await Notification.filter(status=NotificationStatus.PENDING).count() == 1

    await choose(rita.client, HUB_ACTIVITY_ON_MY_SHARES="NEVER")
    assert await Notification.filter(status=NotificationStatus.PENDING).count() == 0
    await print_document(shared.contact, shared.documents["Installation guide"]["id"])
    assert await Notification.all().count() == 1  # the dropped one; nothing new
    assert await deliver_due(_settings(app), now=notification_clock.current + timedelta(days=2)) == 0
    assert await notification_emails() == []


async def test_a_contact_chooses_how_shares_reach_them(
    app: Any, world: World, client_factory: Any, notification_clock: Clock
) -> None:
    from portico.mail.models import OutboxEmail

    rita = world.acme.member
    shared = await share_to_contact(world, client_factory)  # the share email, with its unsubscribe header
    [first] = await OutboxEmail.filter(kind="hub_share")
    assert first.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    view = await choose(shared.contact, DOCUMENTS_SHARED_WITH_ME="DAILY_DIGEST", digestTime="09:15")
    assert [c["kind"] for c in view["choices"]] == ["DOCUMENTS_SHARED_WITH_ME"]  # a contact's only kind
    assert view["effectiveTimezone"] == "UTC"  # the organization's
    await share(rita.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Trailmaster 300 sheet"]], message="The sheet you asked for.")
    assert await OutboxEmail.filter(kind="hub_share").count() == 1  # no second share email

    assert await deliver_due(_settings(app), now=datetime(2026, 12, 4, 9, 14, tzinfo=UTC)) == 0
    assert await deliver_due(_settings(app), now=datetime(2026, 12, 4, 9, 15, tzinfo=UTC)) == 1
    [digest] = await notification_emails("mette@fjord.example")
    assert "Rita Rep shared Trailmaster 300 sheet" in digest.text
    assert "http://testserver/hub/welcome?token=" in digest.text  # her personal link signs her in
    assert digest.secrets  # ... and is cut out of the stored copy once delivered

    await choose(shared.contact, DOCUMENTS_SHARED_WITH_ME="NEVER")
    await share(rita.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Installation guide"]])
    assert await OutboxEmail.filter(to_address="mette@fjord.example").count() == 2  # nothing new
    assert await deliver_due(_settings(app), now=datetime(2026, 12, 9, tzinfo=UTC)) == 0


async def test_a_contact_who_lost_access_gets_no_digest(
    app: Any, world: World, client_factory: Any, notification_clock: Clock
) -> None:
    from portico.customers.models import Contact

    shared = await share_to_contact(world, client_factory)
    await choose(shared.contact, DOCUMENTS_SHARED_WITH_ME="DAILY_DIGEST")
    await share(world.acme.member.client, world.customer_x, [person("Mette", "Larsen", "mette@fjord.example")],
                [world.publications["Trailmaster 300 sheet"]])
    await Contact.filter(email="mette@fjord.example").update(hub_access=False)
    assert await deliver_due(_settings(app), now=datetime(2026, 12, 5, tzinfo=UTC)) == 0
    assert await Notification.filter(status=NotificationStatus.DROPPED).count() == 1
