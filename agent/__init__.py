"""followup: follows up after job interviews, by email, from the job seeker's own mailbox."""

__version__ = "0.1.0"
