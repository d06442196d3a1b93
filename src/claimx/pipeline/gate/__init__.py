"""The claimx_gate stage (and claimx_context, its second parse pass)."""
