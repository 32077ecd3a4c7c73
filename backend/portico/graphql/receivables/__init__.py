"""GraphQL of the receivables domain (issue 11): invoices, payments, portfolios, workflows, actions, reports."""
