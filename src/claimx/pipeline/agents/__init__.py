"""Who did the harm."""
