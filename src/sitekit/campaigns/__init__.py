"""The October awareness campaigns: model (model), pages, plan and ICS (view)."""
