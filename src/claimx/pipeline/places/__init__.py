"""The claimx_places stage."""
