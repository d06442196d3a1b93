"""The claimx_dates stage."""
