"""The claimx_speakers stage."""
