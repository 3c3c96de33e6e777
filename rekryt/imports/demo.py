"""One finished import for the demo: five people met at a fair, four added
and one refused for an invalid email address."""

from __future__ import annotations

from rekryt.accounts.models import User
from rekryt.imports import actions
from rekryt.imports.models import Duplicates, LegalBasis, Status

FAIR = (
    "Förnamn;Efternamn;E-post;Telefon;Taggar;Anteckning;Källa\n"
    "Linnea;Berg;linnea.berg@example.net;+46 70 111 22 33;java, backend;Kotlin;KTH-mässan\n"
    "Omar;Haddad;omar.haddad@example.net;;devops;Vill jobba i Göteborg;KTH-mässan\n"
    "Sara;Nyström;sara.nystrom@example.net;;design;Portfolio på väg;KTH-mässan\n"
    "Jonas;Ek;jonas.ek@example;;;;KTH-mässan\n"
    "Elin;Sund;elin.sund@example.net;+46 73 444 55 66;data, python;Examen i juni;KTH-mässan\n"
)


def add_import(recruiter: User) -> None:
    job = actions.upload(FAIR.encode(), "kth-massan.csv", user=recruiter, request=None)
    job.legal_basis = LegalBasis.LEGITIMATE_INTEREST
    job.basis_note = "Träffades på KTH-mässan och bad oss höra av oss om lediga tjänster."
    job.duplicates = Duplicates.TAGS_AND_NOTE
    job.status = Status.RUNNING
    job.save()
    actions.run(job)
