"""The claimx_gate stage."""
