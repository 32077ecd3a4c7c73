"""One wording for the schema's descriptions of which API-key scope a field needs (`policy.key_may_read` decides).

Members and contacts have no scopes; these sentences concern partners' API keys only. Without the read scope a list
comes back empty and a single object null, exactly as if there were none.
"""

CUSTOMERS = "API keys need CUSTOMERS_READ."
DOCUMENTS = "API keys need DOCUMENTS_READ."
ACTIVITY = "API keys need ACTIVITY_READ (figures derived from activity too)."
ANY_KEY = "Any API key of the organization may read this (no read scope needed)."
NODE = (
    "Each type needs its read scope from API keys: Customer and Contact CUSTOMERS_READ; Library, Publication, Hub, "
    "Folder, Document, DocumentVersion and Share DOCUMENTS_READ; ActivityEvent ACTIVITY_READ."
)
SHARES_WRITE = "API keys need SHARES_WRITE, and CUSTOMERS_READ and DOCUMENTS_READ to find the customer, its contacts "\
    "and the publications."
CUSTOMERS_WRITE = "API keys need CUSTOMERS_WRITE (and CUSTOMERS_READ to find an existing customer or contact)."
