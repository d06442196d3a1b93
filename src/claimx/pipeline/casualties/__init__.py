"""The claimx_casualties stage."""
