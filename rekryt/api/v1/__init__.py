"""The REST API, version 1, under /api/v1/ (django-ninja): read endpoints for
the hiring data and the writes the staff pages make, through the same
actions. Every request carries a personal token (rekryt.api.tokens) and acts
as its user, within the token's scopes."""
