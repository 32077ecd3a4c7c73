"""Receivables (issue 11): invoices and their payments, account managers' portfolios, reminder workflows."""
