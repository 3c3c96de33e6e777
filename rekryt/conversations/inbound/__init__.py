"""Mail from candidates: one parser and one receiver (`receive.receive`)
behind two ways in — `manage.py receive_mail` (SMTP) and the IMAP polling
duty. Inbound mail is hostile input: size-capped before parsing, malformed
MIME refused, HTML reduced to text, attachments checked like uploads."""
