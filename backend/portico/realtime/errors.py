"""Errors raised by the live-event brokers."""

from __future__ import annotations


class BrokerError(Exception):
    """Base class for broker errors."""


class BrokerUnavailable(BrokerError):
    """Publishing failed because the broker's server could not be reached (the message was not sent)."""


class SubscriberTooSlow(BrokerError):
    """Raised from a subscription's iteration when it fell `max_queue` messages behind and was disconnected.

    Messages were dropped for this subscriber, so it must refetch state before subscribing again.
    """
