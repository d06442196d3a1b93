"""The claimx_figures stage."""
