"""The validator: one module per check, the registry that runs them (validation), reports and the command line (cli)."""
